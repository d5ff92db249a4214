import type { Row } from "../table.ts";

/** The groups of cases a tree's child process runs in one round; bundles are measured once, in the parent. */
export type MeasuredGroup = "streams" | "requests" | "memory" | "mock";

export interface CompareCase {
  /** The key the case has in `pnpm bench` (bench/results.json). */
  key: string;
  label: string;
  unit: Row["unit"];
  group: MeasuredGroup | "bundle";
  /** A floor that runs the same code in both builds: its ratio is the run's noise, never a regression. */
  reference?: boolean;
}

/** The rows of `pnpm bench:compare`, in the order they are printed: ours, and the floors to read the noise by. */
export const COMPARE_CASES: readonly CompareCase[] = [
  { key: "stream_ms", label: "stream 50k chunks: inference textDeltas()", unit: "ms", group: "streams" },
  { key: "stream_client_ms", label: "stream 50k chunks: client.stream", unit: "ms", group: "streams" },
  {
    key: "stream_raw_ms",
    label: "stream 50k chunks: raw fetch floor",
    unit: "ms",
    group: "streams",
    reference: true,
  },
  ...[1, 64].flatMap((c): CompareCase[] => [
    { key: `request_rps_c${c}`, label: `requests c${c}: client.POST`, unit: "req/s", group: "requests" },
    {
      key: `request_rps_c${c}_fetch_client`,
      label: `requests c${c}: createFriendliFetchClient POST`,
      unit: "req/s",
      group: "requests",
    },
    {
      key: `request_rps_c${c}_inference`,
      label: `requests c${c}: inference chat.complete`,
      unit: "req/s",
      group: "requests",
    },
    {
      key: `request_rps_c${c}_fetch`,
      label: `requests c${c}: raw fetch floor`,
      unit: "req/s",
      group: "requests",
      reference: true,
    },
  ]),
  { key: "request_memory_us", label: "one call, fetch in memory: client.POST", unit: "µs", group: "memory" },
  {
    key: "request_memory_us_inference",
    label: "one call, fetch in memory: inference chat.complete",
    unit: "µs",
    group: "memory",
  },
  {
    key: "request_memory_us_fetch",
    label: "one call, fetch in memory: floor",
    unit: "µs",
    group: "memory",
    reference: true,
  },
  // The mock's server mode; Prism alone is the same in both builds (the floor). Left out by --quick.
  ...(
    [
      ["mock_start_ms", "mock server: spawn to first answer", "ms"],
      ["mock_rps_c1", "mock server: chat requests c1", "req/s"],
      ["mock_rps_c16", "mock server: chat requests c16", "req/s"],
    ] as const
  ).flatMap(([key, label, unit]): CompareCase[] => [
    { key, label, unit, group: "mock" },
    { key: `${key}_prism`, label: `${label}, Prism alone`, unit, group: "mock", reference: true },
  ]),
  ...(
    [
      ["", "inference chat app"],
      ["_embeddings", "inference embeddings app"],
      ["_images", "inference images app"],
      ["_audio", "inference audio app"],
      ["_all_families", "every inference family"],
      ["_client", "client app"],
    ] as const
  ).map(
    ([suffix, app]): CompareCase => ({
      key: `bundle_gz_bytes${suffix}`,
      label: `bundle (min+gzip -9): ${app}`,
      unit: "B",
      group: "bundle",
    }),
  ),
  // What those apps load later (chunks a rarely used method imports on first use), added.
  ...(
    [
      ["", "inference chat app"],
      ["_client", "client app"],
    ] as const
  ).map(
    ([suffix, app]): CompareCase => ({
      key: `bundle_gz_bytes${suffix}_total`,
      label: `bundle (min+gzip -9): ${app}, all chunks`,
      unit: "B",
      group: "bundle",
    }),
  ),
];

/** Requests per second: more is better; every other unit (ms, µs, bytes): less is better. */
export const higherIsBetter = (unit: Row["unit"]) => unit === "req/s";

export const casesOf = (group: CompareCase["group"]) => COMPARE_CASES.filter((c) => c.group === group);
