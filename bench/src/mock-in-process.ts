// `pnpm --filter @friendli-ts/bench bench:mock-in-process`: the mock's two ways in, side by
// side: start time and chat completions per second, one at a time and 16 in flight, of the
// in-process fetch (`createMockFetch`) and of the server mode (`startMockServer`, Prism in a
// child process behind the proxy). Not a test: it prints numbers and fails on none. Needs
// `pnpm build` first (it reads packages/testing/dist).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const testingDist = fileURLToPath(new URL("../../packages/testing/dist/index.js", import.meta.url));
// Read from the build by path: the bench does not depend on the testing package.
const { createMockFetch, startMockServer } = (await import(testingDist)) as {
  createMockFetch(): { url: string; fetch: typeof fetch };
  startMockServer(): Promise<{ url: string; stop(): Promise<void> }>;
};

const SECONDS = Number(process.env.MOCK_BENCH_SECONDS ?? 3);
const COLD_RUNS = 5;
const body = JSON.stringify({ model: "m", messages: [{ role: "user", content: "Hi" }] });
const init = { method: "POST", headers: { authorization: "Bearer bench", "content-type": "application/json" }, body };

/** Requests per second over SECONDS, with `inFlight` requests at a time. */
async function rate(send: () => Promise<unknown>, inFlight: number): Promise<number> {
  for (let i = 0; i < 50; i++) await send();
  let done = 0;
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < until) {
        await send();
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

/**
 * Start in a fresh Node process, as a test file pays it: import, create, first answer (the
 * first answer compiles the spec checks of the operation it calls).
 */
function coldStart(kind: "in-process" | "server"): { create: number; firstAnswer: number } {
  const script = `
    const t0 = performance.now();
    const m = await import(${JSON.stringify(testingDist)});
    const t1 = performance.now();
    const mock = ${kind === "in-process" ? "m.createMockFetch()" : "await m.startMockServer()"};
    const t2 = performance.now();
    const send = ${kind === "in-process" ? "mock.fetch" : "fetch"};
    const r = await send(mock.url + "/serverless/v1/chat/completions", ${JSON.stringify(init)});
    await r.text();
    const t3 = performance.now();
    ${kind === "server" ? "await mock.stop();" : ""}
    console.log(JSON.stringify({ create: t2 - t0, firstAnswer: t3 - t0 }));`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").at(-1) as string);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const coldOf = (kind: "in-process" | "server", runs: number) => {
  const samples = Array.from({ length: runs }, () => coldStart(kind));
  return { create: median(samples.map((s) => s.create)), firstAnswer: median(samples.map((s) => s.firstAnswer)) };
};

const inProcessCold = coldOf("in-process", COLD_RUNS);
const serverCold = coldOf("server", 3);

const mock = createMockFetch();
const inProcess = {
  one: await rate(() => mock.fetch(`${mock.url}/serverless/v1/chat/completions`, init).then((r) => r.text()), 1),
  sixteen: await rate(() => mock.fetch(`${mock.url}/serverless/v1/chat/completions`, init).then((r) => r.text()), 16),
};
const server = await startMockServer();
let serverRates: { one: number; sixteen: number };
try {
  serverRates = {
    one: await rate(() => fetch(`${server.url}/serverless/v1/chat/completions`, init).then((r) => r.text()), 1),
    sixteen: await rate(() => fetch(`${server.url}/serverless/v1/chat/completions`, init).then((r) => r.text()), 16),
  };
} finally {
  await server.stop();
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const rps = (n: number) => `${n.toFixed(0)}/s`;
const rows = [
  ["", "in process", "server mode", "ratio"],
  ["start: import + create (median, fresh process)", ms(inProcessCold.create), ms(serverCold.create), ""],
  ["start: to the first answer", ms(inProcessCold.firstAnswer), ms(serverCold.firstAnswer), ""],
  [
    "chat completions, 1 in flight",
    rps(inProcess.one),
    rps(serverRates.one),
    `${(inProcess.one / serverRates.one).toFixed(1)}x`,
  ],
  [
    "chat completions, 16 in flight",
    rps(inProcess.sixteen),
    rps(serverRates.sixteen),
    `${(inProcess.sixteen / serverRates.sixteen).toFixed(1)}x`,
  ],
];
const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length))) ?? [];
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i] as number)).join("  "));
