import { spawnSync } from "node:child_process";
import { roundRobin } from "../stats.ts";

// Case 4: wall time of a fresh `node` that imports one package, from the bench folder
// (where the packages resolve; Node's default conditions, so the built `dist`). The
// baseline is the same command importing nothing.
const scripts = {
  import_ms: "await import('@friendli-ts/inference')",
  import_ms_client: "await import('@friendli-ts/client')",
  import_ms_openai: "await import('openai')",
  import_ms_baseline: "",
};

function timeNode(script: string, cwd: string): number {
  const start = performance.now();
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd, stdio: "pipe" });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`node -e "${script}" failed: ${child.stderr}`);
  return ms;
}

export function coldImportCases(cwd: string, runs: number): Promise<Record<string, number[]>> {
  const cases = Object.fromEntries(
    Object.entries(scripts).map(([key, script]) => [key, async () => timeNode(script, cwd)]),
  ) as Record<keyof typeof scripts, () => Promise<number>>;
  return roundRobin(cases, { warmups: 1, rounds: runs });
}
