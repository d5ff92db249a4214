import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The built bin: the tests run what users run (turbo builds it before `test`). */
export const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

export const TOKEN = "test-token";

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliRun {
  child: ReturnType<typeof spawn>;
  done: Promise<CliResult>;
}

export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`pnpm build\` in packages/cli first`);
}

/** The environment without the caller's Friendli settings, so only the arguments count. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  for (const key of Object.keys(env)) if (key.startsWith("FRIENDLI_")) delete env[key];
  return { ...env, ...extra };
}

/** Starts `node dist/cli.js ...args`; `input` is written to its stdin (else stdin is empty). */
export function startCli(
  args: string[],
  { input, env = {}, timeoutMs = 45_000 }: { input?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): CliRun {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: cleanEnv(env),
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  child.stdin.end(input ?? "");
  const killer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, done };
}

export function runCli(args: string[], options?: Parameters<typeof startCli>[1]): Promise<CliResult> {
  return startCli(args, options).done;
}

/** Runs the CLI against the API at `baseURL` with the test token: `--base-url <baseURL> --token <TOKEN> ...args`. */
export function runCliAt(
  baseURL: string,
  args: string[],
  options?: Parameters<typeof startCli>[1],
): Promise<CliResult> {
  return runCli(["--base-url", baseURL, "--token", TOKEN, ...args], options);
}

/** One SSE chat chunk whose delta is `delta`. */
export const sseChunk = (delta: Record<string, string>) =>
  `data: ${JSON.stringify({
    id: "c-1",
    object: "chat.completion.chunk",
    created: 1,
    model: "m",
    choices: [{ index: 0, delta, finish_reason: null }],
  })}\n\n`;
