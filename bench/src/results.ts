import { writeFileSync } from "node:fs";

/** The keys `bench/results.json` always holds, each a number. */
export const REQUIRED_KEYS = [
  "stream_ms",
  "stream_client_ms",
  "stream_openai_ms",
  "stream_raw_ms",
  "request_rps_c1",
  "request_rps_c1_fetch",
  "request_rps_c1_openai",
  "request_rps_c64",
  "request_rps_c64_fetch",
  "request_rps_c64_openai",
  "bundle_gz_bytes",
  "bundle_gz_bytes_openai",
  "import_ms",
  "import_ms_openai",
  "import_ms_baseline",
  "generate_ms",
  "mock_start_ms",
  "mock_start_ms_prism",
  "mock_rps_c1",
  "mock_rps_c1_prism",
  "mock_rps_c16",
  "mock_rps_c16_prism",
] as const;

export type RequiredKey = (typeof REQUIRED_KEYS)[number];

/** Every required key, plus any extra numbers a case adds (e.g. `request_rps_c1_inference`). */
export type BenchResults = Record<RequiredKey, number> & Record<string, number>;

/** Checks that every required key is there and every value is a finite number; returns the JSON text. */
export function formatResults(results: Record<string, unknown>): string {
  const missing = REQUIRED_KEYS.filter((key) => !(key in results));
  if (missing.length > 0) throw new Error(`bench results lack ${missing.join(", ")}`);
  for (const [key, value] of Object.entries(results)) {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new Error(`bench result ${key} is not a finite number: ${String(value)}`);
    }
  }
  // Required keys first, in their order, then the extras.
  const ordered: Record<string, number> = {};
  for (const key of REQUIRED_KEYS) ordered[key] = results[key] as number;
  for (const [key, value] of Object.entries(results)) if (!(key in ordered)) ordered[key] = value as number;
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Writes the results as JSON to `file`, after the checks of `formatResults`. */
export function writeResults(file: string, results: Record<string, unknown>): void {
  writeFileSync(file, formatResults(results));
}
