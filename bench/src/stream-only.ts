// Only the stream case of `pnpm bench` (case 1), for measuring a change to the stream path
// without the rest: `node --expose-gc --import tsx src/stream-only.ts [rounds]` in bench/,
// after `pnpm build`. Prints each reader's median and its ratio to the raw floor.
import { streamCases } from "./cases/streams.ts";
import { startServer } from "./start-server.ts";
import { median, roundRobin } from "./stats.ts";

const rounds = Number(process.argv[2] ?? 9);
const server = await startServer();
try {
  const samples = await roundRobin(streamCases(server), { warmups: 1, rounds });
  const floor = median(samples.stream_raw_ms ?? []);
  process.stdout.write(`node ${process.version}, ${server.sseChunks} chunks, ${rounds} rounds, medians\n`);
  for (const [name, values] of Object.entries(samples)) {
    const ms = median(values);
    process.stdout.write(`${name.padEnd(20)} ${ms.toFixed(1).padStart(8)} ms  ${(ms / floor).toFixed(2)}x floor\n`);
  }
} finally {
  await server.close();
}
