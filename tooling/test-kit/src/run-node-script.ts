import { spawn } from "node:child_process";

export interface RunNodeScriptOptions {
  /** Extra `node` flags (`--expose-gc`, `--import <loader>`). */
  flags?: string[];
  /** Killed after this long; default 30 s. */
  timeoutMs?: number;
  /** The child's whole environment; default this process's. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs an ES module script in a child `node` with extra flags, killed after `timeoutMs`;
 * resolves to the exit code and everything it printed.
 */
export function runNodeScript(
  script: string,
  { flags = [], timeoutMs = 30_000, env }: RunNodeScriptOptions = {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...flags, "--input-type=module", "-e", script], {
      stdio: ["ignore", "pipe", "pipe"],
      ...(env && { env }),
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const killer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(killer);
      resolve({ code, output });
    });
  });
}
