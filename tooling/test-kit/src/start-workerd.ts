import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { connect, createServer } from "node:net";

/** The workerd binary at `bin` if it runs on this machine, or why it does not. */
export function probeWorkerd(
  resolveBin: () => string,
): { bin: string; reason?: undefined } | { bin?: undefined; reason: string } {
  try {
    const bin = resolveBin();
    execFileSync(bin, ["--version"], { timeout: 10_000, stdio: "pipe" });
    return { bin };
  } catch (error) {
    return { reason: String((error as Error).message).split("\n")[0] ?? "unknown error" };
  }
}

/** A workerd serving a config on 127.0.0.1; `stop` ends its whole process group. */
export interface RunningWorkerd {
  url: string;
  /** What workerd printed so far (the last 20 kB), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** A port free on 127.0.0.1 right now (asked of the OS, then released for workerd). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const { port } = probe.address() as { port: number };
  await new Promise((r) => probe.close(r));
  return port;
}

/** Resolves once something accepts connections on the port; rejects if workerd exits first. */
async function waitForPort(port: number, child: ChildProcess, output: () => string, ms: number) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`workerd exited (${child.exitCode ?? child.signalCode}) before listening:\n${output()}`);
    const open = await new Promise<boolean>((r) => {
      const socket = connect(port, "127.0.0.1");
      const done = (ok: boolean) => {
        socket.destroy();
        r(ok);
      };
      socket.once("connect", () => done(true)).once("error", () => done(false));
      socket.setTimeout(500, () => done(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`workerd did not listen on 127.0.0.1:${port} within ${ms} ms:\n${output()}`);
}

/** SIGTERM to workerd's process group, then SIGKILL if it is still there after 3 s. */
async function stopGroup(child: ChildProcess) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), name);
    } catch {} // already gone
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 3_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts `workerd serve` in `dir` with the config `writeConfig(port)` writes there (its
 * socket on 127.0.0.1:port), in its own process group, and waits until it listens. If it
 * does not, it is stopped before the error is thrown.
 */
export async function startWorkerd(
  bin: string,
  dir: string,
  writeConfig: (port: number) => string,
  { startMs = 10_000 } = {},
): Promise<RunningWorkerd> {
  const port = await freePort();
  const configFile = writeConfig(port);
  const child = spawn(bin, ["serve", configFile], { cwd: dir, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (data: Buffer) => {
    output = (output + data.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  try {
    await waitForPort(port, child, () => output, startMs);
  } catch (error) {
    await stopGroup(child);
    throw error;
  }
  return { url: `http://127.0.0.1:${port}/`, output: () => output, stop: () => stopGroup(child) };
}
