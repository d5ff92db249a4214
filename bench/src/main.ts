// `pnpm bench`: ours against openai-node and a raw floor, interleaved in one run. Prints a
// table of medians and ratios and writes bench/results.json. Not a test: nothing here
// fails on a slow number. The packages must be built first (`pnpm bench` does that).
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleCases } from "./cases/bundle.ts";
import { coldImportCases } from "./cases/cold-import.ts";
import { ENDLESS_SIZES_MB, endlessCases, type Measure } from "./cases/endless-bodies.ts";
import { timeGenerate } from "./cases/generate.ts";
import { mockServerCases } from "./cases/mock-server.ts";
import { requestOverheadCases } from "./cases/request-overhead.ts";
import { requestCases } from "./cases/requests.ts";
import { streamCases } from "./cases/streams.ts";
import { writeResults } from "./results.ts";
import { startServer } from "./start-server.ts";
import { median, roundRobin } from "./stats.ts";
import { formatTable, met, type Row } from "./table.ts";

const benchDir = dirname(dirname(fileURLToPath(import.meta.url)));
const repoRoot = dirname(benchDir);
const resultsFile = join(benchDir, "results.json");

const STREAM_ROUNDS = 7;
const REQUESTS = 2_000;
const REQUEST_ROUNDS = 4;
const MEMORY_CALLS = 5_000;
const MEMORY_ROUNDS = 9;
const AI_SDK_ROUNDS = 5;
const ENDLESS_ROUNDS = 3;
const IMPORT_RUNS = 15;
// The AI SDK 7 needs Node 22; on an older Node its row is left out.
const aiSdkSupported = Number(process.versions.node.split(".")[0]) >= 22;
const GENERATE_RUNS = 3;
// The mock starts a process per start run (about 2 s each): few rounds, short request runs.
const MOCK_ROUNDS = 3;
const MOCK_REQUESTS = 300;

// Ctrl-C still runs the exit hook that stops the server process.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));

const log = (line: string) => process.stderr.write(`${line}\n`);
const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const medians = (samples: Record<string, number[]>) =>
  Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, median(values)]));

const results: Record<string, number> = {};
const started = performance.now();
// Node's own speed moves every row (the raw floor too): say which one this is.
log(`pnpm bench on Node ${process.version}, ${process.platform} ${process.arch}, ${cpus().length} CPUs`);

const server = await startServer();
try {
  log(
    `server on ${server.url}: chat SSE of ${server.sseChunks.toLocaleString("en-US")} chunks, ` +
      `${(server.sseBytes / 1e6).toFixed(2)} MB in ${server.sseSlices.toLocaleString("en-US")} slices of 1..4096 B`,
  );

  let since = performance.now();
  Object.assign(results, medians(await roundRobin(streamCases(server), { warmups: 1, rounds: STREAM_ROUNDS })));
  log(`1. streams: 1 warm-up + ${STREAM_ROUNDS} rounds, ${elapsed(since)}`);

  if (aiSdkSupported) {
    since = performance.now();
    const { aiSdkStreamCases } = await import("./cases/ai-sdk-streams.ts");
    Object.assign(results, medians(await roundRobin(aiSdkStreamCases(server), { warmups: 1, rounds: AI_SDK_ROUNDS })));
    log(`1b. AI SDK streams: 1 warm-up + ${AI_SDK_ROUNDS} rounds, ${elapsed(since)}`);
  } else {
    log(`1b. AI SDK streams: skipped on Node ${process.version} (the AI SDK 7 needs Node 22+)`);
  }

  since = performance.now();
  await roundRobin(requestCases(server, REQUESTS / 4), { warmups: 1, rounds: 0 });
  Object.assign(
    results,
    medians(await roundRobin(requestCases(server, REQUESTS), { warmups: 0, rounds: REQUEST_ROUNDS })),
  );
  log(`2. requests: warm-up + ${REQUEST_ROUNDS} rounds of ${REQUESTS} requests, ${elapsed(since)}`);

  since = performance.now();
  await roundRobin(requestOverheadCases(MEMORY_CALLS / 4), { warmups: 1, rounds: 0 });
  Object.assign(
    results,
    medians(await roundRobin(requestOverheadCases(MEMORY_CALLS), { warmups: 0, rounds: MEMORY_ROUNDS })),
  );
  log(`2a. requests without a network: warm-up + ${MEMORY_ROUNDS} rounds of ${MEMORY_CALLS} calls, ${elapsed(since)}`);

  since = performance.now();
  const endless = endlessCases(server);
  const runs: Record<string, Measure[]> = Object.fromEntries(Object.keys(endless).map((name) => [name, []]));
  for (let round = 0; round < ENDLESS_ROUNDS; round++) {
    for (const [name, run] of Object.entries(endless)) runs[name]?.push(await run());
  }
  for (const [name, measures] of Object.entries(runs)) {
    results[`${name}_ms`] = median(measures.map((m) => m.ms));
    results[`${name}_heap_mb`] = median(measures.map((m) => m.heapMB));
  }
  log(`2b. never-ending bodies: ${ENDLESS_ROUNDS} rounds, ${elapsed(since)}`);
} finally {
  await server.close();
}

let since = performance.now();
Object.assign(results, await bundleCases(benchDir));
log(`3. bundle: ${elapsed(since)}`);

since = performance.now();
Object.assign(results, medians(await coldImportCases(benchDir, IMPORT_RUNS)));
log(`4. cold import: 1 warm-up + ${IMPORT_RUNS} runs each, ${elapsed(since)}`);

since = performance.now();
timeGenerate(repoRoot);
results.generate_ms = median(Array.from({ length: GENERATE_RUNS }, () => timeGenerate(repoRoot)));
log(`5. generate: 1 warm-up + ${GENERATE_RUNS} runs, ${elapsed(since)}`);

since = performance.now();
const mock = mockServerCases(MOCK_REQUESTS);
try {
  Object.assign(results, medians(await roundRobin(mock.cases, { warmups: 1, rounds: MOCK_ROUNDS })));
} finally {
  await mock.close();
}
log(`6. mock server: 1 warm-up + ${MOCK_ROUNDS} rounds (${MOCK_REQUESTS} requests a run), ${elapsed(since)}`);

const r = results as Record<string, number>;
const at = (key: string) => r[key] as number;
const aboveBaseline =
  (at("import_ms") - at("import_ms_baseline")) / (at("import_ms_openai") - at("import_ms_baseline"));
const requestTarget = (key: string, c: number) => `≥ 0.9x raw: ${met(at(key) >= 0.9 * at(`request_rps_c${c}_fetch`))}`;

const rows: Row[] = [
  {
    name: "stream 50k chunks: inference textDeltas()",
    unit: "ms",
    ours: at("stream_ms"),
    peer: at("stream_openai_ms"),
    raw: at("stream_raw_ms"),
    target:
      `≤ 0.4x peer: ${met(at("stream_ms") <= 0.4 * at("stream_openai_ms"))}, ` +
      `≤ 1.5x floor: ${met(at("stream_ms") <= 1.5 * at("stream_raw_ms"))}`,
  },
  {
    name: "stream 50k chunks: client.stream",
    unit: "ms",
    ours: at("stream_client_ms"),
    peer: at("stream_openai_ms"),
    raw: at("stream_raw_ms"),
  },
  ...(aiSdkSupported
    ? [
        {
          name: "stream 50k chunks: AI SDK streamText, @friendli-ts/ai-sdk (peer: @friendliai/ai-provider, raw: client.stream)",
          unit: "ms" as const,
          ours: at("stream_ai_sdk_ms"),
          peer: at("stream_ai_sdk_friendliai_ms"),
          raw: at("stream_ai_sdk_client_ms"),
        },
      ]
    : []),
  ...[1, 64].flatMap((c): Row[] => [
    {
      name: `requests c${c}: client.POST`,
      unit: "req/s",
      ours: at(`request_rps_c${c}`),
      peer: at(`request_rps_c${c}_openai`),
      raw: at(`request_rps_c${c}_fetch`),
      target: requestTarget(`request_rps_c${c}`, c),
    },
    {
      name: `requests c${c}: createFriendliFetchClient POST`,
      unit: "req/s",
      ours: at(`request_rps_c${c}_fetch_client`),
      peer: at(`request_rps_c${c}_openai`),
      raw: at(`request_rps_c${c}_fetch`),
      target: requestTarget(`request_rps_c${c}_fetch_client`, c),
    },
    {
      name: `requests c${c}: inference chat.complete`,
      unit: "req/s",
      ours: at(`request_rps_c${c}_inference`),
      peer: at(`request_rps_c${c}_openai`),
      raw: at(`request_rps_c${c}_fetch`),
      target: requestTarget(`request_rps_c${c}_inference`, c),
    },
  ]),
  {
    name: "one call, fetch in memory: client.POST",
    unit: "µs",
    ours: at("request_memory_us"),
    peer: at("request_memory_us_openai"),
    raw: at("request_memory_us_fetch"),
  },
  {
    name: "one call, fetch in memory: inference chat.complete",
    unit: "µs",
    ours: at("request_memory_us_inference"),
    peer: at("request_memory_us_openai"),
    raw: at("request_memory_us_fetch"),
  },
  {
    name: "bundle (min+gzip -9): inference chat app",
    unit: "B",
    ours: at("bundle_gz_bytes"),
    peer: at("bundle_gz_bytes_openai"),
    target: `≤ 10 kB: ${met(at("bundle_gz_bytes") <= 10_000)}`,
  },
  ...(["embeddings", "images", "audio"] as const).map(
    (family): Row => ({
      name: `bundle (min+gzip -9): inference ${family} app`,
      unit: "B",
      ours: at(`bundle_gz_bytes_${family}`),
      peer: at("bundle_gz_bytes_openai"),
      target: `≤ 10 kB: ${met(at(`bundle_gz_bytes_${family}`) <= 10_000)}`,
    }),
  ),
  {
    name: "bundle (min+gzip -9): every inference family",
    unit: "B",
    ours: at("bundle_gz_bytes_all_families"),
    peer: at("bundle_gz_bytes_openai"),
  },
  {
    name: "bundle (min+gzip -9): client app",
    unit: "B",
    ours: at("bundle_gz_bytes_client"),
    peer: at("bundle_gz_bytes_openai"),
  },
  {
    name: "cold import: inference (raw = bare node)",
    unit: "ms",
    ours: at("import_ms"),
    peer: at("import_ms_openai"),
    raw: at("import_ms_baseline"),
    target: `above baseline ≤ 0.25x peer's: ${aboveBaseline.toFixed(2)}x, ${met(aboveBaseline <= 0.25)}`,
  },
  {
    name: "cold import: client (raw = bare node)",
    unit: "ms",
    ours: at("import_ms_client"),
    peer: at("import_ms_openai"),
    raw: at("import_ms_baseline"),
  },
  { name: "pnpm generate (full spec)", unit: "ms", ours: at("generate_ms") },
];

const endlessRows: Row[] = ENDLESS_SIZES_MB.flatMap((mb): Row[] =>
  (["ms", "heap_mb"] as const).flatMap((measure): Row[] => {
    const unit = measure === "ms" ? "ms" : "MB";
    const of = (name: string) => at(`endless_${name}_${mb}mb_${measure}`);
    const what = measure === "ms" ? "time" : "peak heap + external";
    return [
      {
        name: `${mb} MB SSE line, client to its cap: ${what}`,
        unit,
        ours: of("sse"),
        peer: of("parser"),
        raw: of("drain"),
      },
      { name: `${mb} MB error body, client to its cap: ${what}`, unit, ours: of("error"), raw: of("drain") },
    ];
  }),
);

// The mock's server mode, its peer Prism alone started the same way (no raw floor).
const mockRows: Row[] = [
  {
    name: "mock server: spawn to first answered request",
    unit: "ms",
    ours: at("mock_start_ms"),
    peer: at("mock_start_ms_prism"),
  },
  ...[1, 16].map(
    (c): Row => ({
      name: `mock server: chat requests c${c}`,
      unit: "req/s",
      ours: at(`mock_rps_c${c}`),
      peer: at(`mock_rps_c${c}_prism`),
    }),
  ),
];

writeResults(resultsFile, results);
console.log(`\n${formatTable(rows)}\n`);
console.log(
  `never-ending bodies (caps set to the size; peer: eventsource-parser alone on the same pieces, in process; floor: fetch + reader draining the bytes):`,
);
console.log(`\n${formatTable(endlessRows, "eventsource-parser")}\n`);
console.log("the mock's server mode (ours: startMockServer, Prism behind the proxy; peer: Prism alone, same spec):");
console.log(`\n${formatTable(mockRows, "Prism alone")}\n`);
console.log(
  `medians; streams ${STREAM_ROUNDS} rounds (transport alone, fetch + reader, no parsing: ` +
    `${at("stream_drain_ms").toFixed(1)} ms); requests ${REQUEST_ROUNDS} rounds of ${REQUESTS}; ` +
    `imports ${IMPORT_RUNS} runs; generate ${GENERATE_RUNS} runs; mock ${MOCK_ROUNDS} rounds of ${MOCK_REQUESTS}. Ran on Node ${process.version}, total ${elapsed(started)}.`,
);
console.log(`wrote ${resultsFile}`);
