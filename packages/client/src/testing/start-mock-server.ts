import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { findFreePort } from "./find-free-port.ts";
import { type RecordedCall, startRecordingProxy } from "./start-recording-proxy.ts";

export interface MockServer {
  /** Base URL of the server, e.g. `http://127.0.0.1:43121`. */
  url: string;
  /** Every request the server answered, in order. */
  calls: RecordedCall[];
  /** Prism's process id (its process group is stopped as a whole). */
  pid: number;
  stop(): Promise<void>;
}

export interface MockServerOptions {
  /**
   * The OpenAPI file to serve. Default: the normalised copy of the pinned Friendli spec
   * that ships with this package (streams merged so that `Accept: text/event-stream` works).
   */
  specFile?: string;
  /** How long to wait for Prism to listen. */
  startTimeoutMs?: number;
}

const require = createRequire(import.meta.url);

/** Prism's own entry point, run with node directly: killing an npx wrapper would leave it running. */
function prismEntry(): string {
  let pkgFile: string;
  try {
    pkgFile = require.resolve("@stoplight/prism-cli/package.json");
  } catch {
    throw new Error("the mock server needs @stoplight/prism-cli 5.14: add it to your devDependencies");
  }
  const { bin } = require(pkgFile) as { bin: { prism: string } };
  return join(dirname(pkgFile), bin.prism);
}

const running = new Set<ChildProcess>();
// A process group cannot outlive us, whatever way the test run ends.
process.once("exit", () => {
  for (const child of running) killGroup(child, "SIGKILL");
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {}
}

/** Where the build puts the mock server's spec: beside this module in `dist/testing/`. */
const bundledSpec = () => fileURLToPath(new URL("./friendli-openapi.mock.json", import.meta.url));

/**
 * Starts a mock of the Friendli API (Prism, from the pinned, normalised spec) on a free
 * 127.0.0.1 port, for contract-testing code that uses this SDK. Needs the optional peer
 * `@stoplight/prism-cli`. Always `await stop()`, e.g. in `afterAll`.
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const specFile = options.specFile ?? bundledSpec();
  if (!existsSync(specFile)) {
    throw new Error(`no spec for the mock server at ${specFile}; pass \`specFile\` (an OpenAPI file)`);
  }
  const port = await findFreePort();
  const child = spawn(
    process.execPath,
    [prismEntry(), "mock", "--host", "127.0.0.1", "--port", String(port), specFile],
    {
      // Own process group, so stop() ends Prism and anything it spawned.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
    },
  );
  running.add(child);
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const listening = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`Prism did not start within ${options.startTimeoutMs ?? 60_000} ms:\n${output.slice(-2000)}`)),
      options.startTimeoutMs ?? 60_000,
    );
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      if (output.length < 100_000) output += text;
      if (output.includes("Prism is listening")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with code ${code} before listening:\n${output.slice(-2000)}`));
    });
  });

  let proxy: Awaited<ReturnType<typeof startRecordingProxy>> | undefined;
  const stop = async () => {
    await proxy?.stop();
    killGroup(child, "SIGTERM");
    const forced = setTimeout(() => killGroup(child, "SIGKILL"), 3_000);
    await exited;
    clearTimeout(forced);
    running.delete(child);
  };

  try {
    await listening;
    proxy = await startRecordingProxy(`http://127.0.0.1:${port}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: proxy.url, calls: proxy.calls, pid: child.pid as number, stop };
}
