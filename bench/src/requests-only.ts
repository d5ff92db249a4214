// Only the request cases of `pnpm bench` (case 2, and 2a without a network), for measuring
// a change to the request path without the rest: `node --expose-gc --import tsx
// src/requests-only.ts [rounds] [requests]` in bench/, after `pnpm build`. Prints each row's
// median against raw fetch: requests/s (higher is better) and, steadier on a loaded
// machine, this process's CPU time per request (the server runs in its own process).
import { requestOverheadCases } from "./cases/request-overhead.ts";
import { requestCases } from "./cases/requests.ts";
import { startServer } from "./start-server.ts";
import { median, roundRobin } from "./stats.ts";

const rounds = Number(process.argv[2] ?? 5);
const requests = Number(process.argv[3] ?? 2_000);

/** Each case also records its CPU µs per call into `cpu`. */
function withCpu(cases: Record<string, () => Promise<number>>, calls: number, cpu: Record<string, number[]>) {
  return Object.fromEntries(
    Object.entries(cases).map(([name, run]) => [
      name,
      async () => {
        const before = process.cpuUsage();
        const result = await run();
        const used = process.cpuUsage(before);
        (cpu[name] ??= []).push((used.user + used.system) / calls);
        return result;
      },
    ]),
  );
}

const row = (name: string, value: string, ratio: number) =>
  process.stdout.write(`${name.padEnd(28)} ${value.padStart(14)}  ${ratio.toFixed(2)}x raw\n`);

const server = await startServer();
try {
  await roundRobin(requestCases(server, requests / 4), { warmups: 1, rounds: 0 });
  const cpu: Record<string, number[]> = {};
  const rps = await roundRobin(withCpu(requestCases(server, requests), requests, cpu), { warmups: 0, rounds });
  const memory = await roundRobin(requestOverheadCases(5_000), { warmups: 1, rounds });
  process.stdout.write(`node ${process.version}, ${rounds} rounds of ${requests} requests, medians\n`);
  for (const [name, values] of Object.entries(rps)) {
    const c = name.match(/_c(\d+)/)?.[1];
    const raw = `request_rps_c${c}_fetch`;
    row(name, `${median(values).toFixed(0)} rps`, median(values) / median(rps[raw] ?? []));
    const us = median(cpu[name] ?? []);
    row("", `${us.toFixed(1)} cpu µs`, median(cpu[raw] ?? []) / us);
  }
  const floor = median(memory.request_memory_us_fetch ?? []);
  for (const [name, values] of Object.entries(memory)) {
    row(name, `${median(values).toFixed(1)} µs`, median(values) / floor);
  }
} finally {
  await server.close();
}
