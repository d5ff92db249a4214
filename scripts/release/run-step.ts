import { type ChildProcess, spawn } from "node:child_process";

export interface StepOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Milliseconds before the step and everything it started are ended. */
  timeout: number;
  input?: string;
}

export interface StepResult {
  stdout: string;
  stderr: string;
  /** Milliseconds the step took. */
  took: number;
}

/** At most this much of a failed step's output goes into its error. */
const OUTPUT_TAIL = 4_000;

const describeCommand = (command: string, args: string[]) => [command, ...args].join(" ");

/** Ends a child started with `detached: true` and whatever it spawned (its process group). */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/**
 * Runs one command of a release or an install with its own time limit. A failure or a hang
 * throws an error naming the command, its folder and the end of its output; on a hang the
 * command's whole process group is ended, so nothing it started outlives the step.
 */
export function runStep(command: string, args: string[], options: StepOptions): Promise<StepResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child, "SIGKILL");
    }, options.timeout);
    const fail = (why: string) => {
      const output = `${stdout}\n${stderr}`.trim().slice(-OUTPUT_TAIL);
      reject(new Error(`\`${describeCommand(command, args)}\` ${why} (in ${options.cwd})\n${output}`));
    };
    child.on("error", (error) => {
      clearTimeout(timer);
      fail(`could not start: ${error.message}`);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      // A step's leftovers (a server a failed command left behind) end with it.
      killGroup(child, "SIGKILL");
      if (timedOut) fail(`did not finish within ${options.timeout / 1000} s`);
      else if (code !== 0) fail(`exited with ${code ?? signal}`);
      else resolve({ stdout, stderr, took: Math.round(performance.now() - started) });
    });
  });
}
