// The mock's server mode (`startMockServer`: Prism behind the recording proxy) beside Prism
// alone, started the same way (the same Prism, node and spec file, its own process group):
// how long from spawn to the first answered request, and requests per second one at a time
// and 16 in flight. What the proxy in front costs is the difference.
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startMockServer } from "@friendli-ts/testing";

const body = JSON.stringify({ model: "bench-model", messages: [{ role: "user", content: "Hi" }] });

/** One non-stream chat call; throws on anything but a 200 with a chat completion. */
async function chatCall(url: string): Promise<void> {
  const res = await fetch(`${url}/serverless/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: "Bearer bench", "content-type": "application/json" },
    body,
  });
  const text = await res.text();
  if (res.status !== 200 || !text.includes('"chat.completion"')) {
    throw new Error(`mock bench: HTTP ${res.status}: ${text.slice(0, 200)}`);
  }
}

/** The testing package's built entry (in bench:compare, the build's). */
const testingEntry = () => fileURLToPath(import.meta.resolve("@friendli-ts/testing"));

/** Prism's bin, the copy the mock itself runs (resolved from the testing package). */
function prismEntry(): string {
  const require = createRequire(testingEntry());
  const pkgFile = require.resolve("@stoplight/prism-cli/package.json");
  const { bin } = require(pkgFile) as { bin: { prism: string } };
  return join(dirname(pkgFile), bin.prism);
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

const prisms = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of prisms) killGroup(child, "SIGKILL");
});
function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {}
}

interface Running {
  url: string;
  stop(): Promise<void>;
}

/** Prism alone on the mock's spec, as the mock starts it: listening once it says so. */
async function startPrismAlone(): Promise<Running> {
  const port = await freePort();
  const spec = join(dirname(testingEntry()), "mock", "friendli-openapi.mock.json");
  const args = [prismEntry(), "mock", "--host", "127.0.0.1", "--port", String(port), "--cors=false", spec];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  prisms.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    killGroup(child, "SIGTERM");
    const forced = setTimeout(() => killGroup(child, "SIGKILL"), 3_000);
    await exited;
    clearTimeout(forced);
    prisms.delete(child);
  };
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4_000);
      if (output.includes("Prism is listening")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`Prism exited with code ${code} before listening:\n${output}`)));
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  return { url: `http://127.0.0.1:${port}`, stop };
}

const starters: Record<"" | "_prism", () => Promise<Running>> = {
  "": startMockServer,
  _prism: startPrismAlone,
};

/** Starts one, answers one request, stops it: ms from the spawn to that answer. */
async function startToFirstAnswer(start: () => Promise<Running>): Promise<number> {
  const started = performance.now();
  const running = await start();
  try {
    await chatCall(running.url);
    return performance.now() - started;
  } finally {
    await running.stop();
  }
}

/** `total` calls, `concurrency` at a time: requests per second. */
async function requestsPerSecond(url: string, total: number, concurrency: number): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      await chatCall(url);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return total / ((performance.now() - started) / 1000);
}

export interface MockServerCases {
  cases: Record<string, () => Promise<number>>;
  /** Stops the servers the request cases started (each once, at its first run). */
  close(): Promise<void>;
}

/**
 * `mock_start_ms` and `mock_rps_c{1,16}` for the mock, the same with `_prism` for Prism
 * alone; `total` requests per run of a request case.
 */
export function mockServerCases(total: number): MockServerCases {
  const kept = new Map<string, Promise<Running>>();
  const serverFor = (suffix: keyof typeof starters) => {
    let running = kept.get(suffix);
    if (!running) kept.set(suffix, (running = starters[suffix]()));
    return running;
  };
  const cases: Record<string, () => Promise<number>> = {};
  for (const suffix of ["", "_prism"] as const) {
    cases[`mock_start_ms${suffix}`] = () => startToFirstAnswer(starters[suffix]);
    for (const concurrency of [1, 16]) {
      cases[`mock_rps_c${concurrency}${suffix}`] = async () =>
        requestsPerSecond((await serverFor(suffix)).url, total, concurrency);
    }
  }
  return {
    cases,
    async close() {
      const all = await Promise.allSettled(kept.values());
      await Promise.all(all.map((r) => (r.status === "fulfilled" ? r.value.stop() : undefined)));
      kept.clear();
    },
  };
}
