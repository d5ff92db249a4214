import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

// What the tests that install packed packages share: the repository root, and a command run
// outside the outer `pnpm test`'s settings.

const exec = promisify(execFile);

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** The environment of the outer `pnpm test`, without what would steer an inner npm, pnpm or tsc. */
export const childEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => key === "PNPM_HOME" || !/^(npm_|pnpm_|vitest|node_options$|node_env$|friendli_)/i.test(key),
  ),
);

/** Runs a command; a failure throws with the command, the folder and everything it printed. */
export async function runCommand(command: string, args: string[], cwd: string, timeout = 60_000) {
  try {
    return await exec(command, args, { cwd, env: childEnv, timeout, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`\`${command} ${args.join(" ")}\` failed in ${cwd}: ${String(error)}\n${stdout}\n${stderr}`);
  }
}
