import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { requestRulePath } from "./attribution/request-rule-path.ts";
import type { CorsOptions } from "./cors-headers.ts";
import { findFreePort } from "./find-free-port.ts";
import { createMockEngine, type MockControls } from "./mock-engine.ts";
import { DEFAULT_STORAGE_MAX_BYTES } from "./mock-storage.ts";
import { PROXY_KEY_ENV, PROXY_KEY_HEADER, PROXY_ONLY, WATCHDOG } from "./prism-preload.ts";
import { loadSpecIndex } from "./spec-operations.ts";
import { type RecordedCall, startRecordingProxy } from "./start-recording-proxy.ts";
import type { StateLimits } from "./state/state-limits.ts";
import { requestViolations, violationAnswer } from "./violation-body.ts";

// Starting Prism, waiting until it answers, scripting its replies and stopping it are one
// lifecycle over the same child process and reply script; the replies' formats and checks, the
// default chat answer and CORS already live in the files imported above.

/** The mock server: the controls every way into the mock has, plus its address, its calls and its process. */
export interface MockServer extends MockControls {
  /** Base URL of the server, e.g. `http://127.0.0.1:43121`. */
  url: string;
  /** Every API request the server answered, in order (scripted answers included). */
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
  /**
   * The OpenAPI file scripted replies are checked against and requests are routed by: the
   * normalised spec with its `#stream` operations, whose event schemas the mock's copy drops.
   * Default: the copy shipped with this package when `specFile` is not given, else `specFile`.
   */
  schemaSpecFile?: string;
  /** The port to serve on, on 127.0.0.1. Default: a free one. */
  port?: number;
  /** How long to wait for Prism to listen. */
  startTimeoutMs?: number;
  /**
   * The most bytes the mock's storage holds in all (every upload is kept in this process).
   * Past it an upload is refused with a 413 `EntityTooLarge` and nothing is stored;
   * `reset()` empties the storage. Default 256 MiB.
   */
  storageMaxBytes?: number;
  /**
   * Which web pages may read the mock, for tests that run in a browser. Default: none (no
   * CORS headers), so a page the developer visits cannot read what the tests sent.
   */
  cors?: CorsOptions;
  /**
   * Keep what the management API's calls create, for the next call: endpoints (their status
   * advancing as `mock.endpoints` scripts), datasets, versions, splits and samples; an id the
   * mock does not hold gets a 404. Default true; false answers those calls with the spec's
   * examples, whatever the id.
   */
  state?: boolean;
  /** How much the state holds at most (objects, bytes); past it a create gets a 507. */
  stateLimits?: Partial<StateLimits>;
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

/** Where the build puts the mock server's spec: beside this module in `dist/mock/`. */
const bundledSpec = () => fileURLToPath(new URL("./friendli-openapi.mock.json", import.meta.url));
/** The normalised spec with its stream operations, shipped beside it. */
const bundledSchemaSpec = () => fileURLToPath(new URL("./friendli-openapi.normalized.json", import.meta.url));

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
  const schemaSpecFile = options.schemaSpecFile ?? (options.specFile ? specFile : bundledSchemaSpec());
  if (!existsSync(schemaSpecFile)) {
    throw new Error(`no spec to check scripted replies against at ${schemaSpecFile}; pass \`schemaSpecFile\``);
  }
  const { port: fixedPort, storageMaxBytes = DEFAULT_STORAGE_MAX_BYTES } = options;
  // Checked before Prism starts: a bad option is the caller's mistake, named at once.
  if (fixedPort !== undefined && !(Number.isInteger(fixedPort) && fixedPort >= 1 && fixedPort <= 65_535)) {
    throw new RangeError(`startMockServer: port must be a whole number from 1 to 65535, not ${String(fixedPort)}`);
  }
  if (!(Number.isSafeInteger(storageMaxBytes) && storageMaxBytes >= 0)) {
    throw new RangeError(
      `startMockServer: storageMaxBytes must be a whole number of bytes, not ${String(storageMaxBytes)}`,
    );
  }
  const spec = loadSpecIndex(schemaSpecFile);
  let proxy: Awaited<ReturnType<typeof startRecordingProxy>> | undefined;
  const engine = createMockEngine(spec, () => proxy?.url ?? "", {
    storageMaxBytes,
    ...(options.state !== undefined && { state: options.state }),
    ...(options.stateLimits && { stateLimits: options.stateLimits }),
  });
  const port = await findFreePort();
  // Only the proxy knows it: Prism's own port answers nothing else (see PROXY_ONLY).
  const proxyKey = randomBytes(24).toString("base64url");
  const child = spawn(
    process.execPath,
    // The proxy in front decides CORS, so Prism adds none of its own.
    [
      "--import",
      WATCHDOG,
      "--import",
      PROXY_ONLY,
      prismEntry(),
      "mock",
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--cors=false",
      specFile,
    ],
    {
      // Own process group, so stop() ends Prism and anything it spawned.
      detached: true,
      stdio: ["pipe", "pipe", "pipe"],
      env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1", [PROXY_KEY_ENV]: proxyKey },
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

  const stop = async () => {
    await proxy?.stop();
    child.stdin?.end();
    killGroup(child, "SIGTERM");
    const forced = setTimeout(() => killGroup(child, "SIGKILL"), 3_000);
    await exited;
    clearTimeout(forced);
    running.delete(child);
  };

  try {
    await listening;
    proxy = await startRecordingProxy(
      `http://127.0.0.1:${port}`,
      {
        canStream: (request) => spec.match(request.method, request.path, true)?.streams ?? false,
        operationOf: (request) => spec.match(request.method, request.path, request.stream)?.operationId,
        before: (request) => engine.serveStorage(request),
        after(request, answer) {
          const op = spec.match(request.method, request.path, request.stream);
          if (!op) return undefined;
          // Prism checked the request: a rejected one keeps its rejection, and the reply waits.
          const header = answer.headers["sl-violations"];
          const refusal = violationAnswer(answer.status, header, (loc) =>
            requestRulePath(spec.doc, op.specPath, op.method, loc),
          );
          if (refusal) return refusal;
          const rejected = answer.status < 200 || answer.status >= 300 || requestViolations(header).length > 0;
          if (rejected) return undefined;
          return engine.answer(op, request, answer);
        },
      },
      {
        upstreamHeaders: { [PROXY_KEY_HEADER]: proxyKey },
        ...(options.cors && { cors: options.cors }),
        ...(options.port !== undefined && { port: options.port }),
      },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const { respond, pendingReplies, reset, endpoints, storage } = engine;
  return {
    url: proxy.url,
    calls: proxy.calls,
    pid: child.pid as number,
    respond,
    pendingReplies,
    reset,
    endpoints,
    storage,
    stop,
  };
}
