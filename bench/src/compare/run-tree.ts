// A child of bench:compare (see tree-process.ts): this tree's cases, with the SDK packages
// of the build at FRIENDLI_BENCH_BUILD. Answers each RunRequest with one run of that case.
// A case that throws is answered with its message, then and every later time; a case module
// that cannot load against this build (an export it lacks) fails every case of its group.
import type { BenchServer } from "../start-server.ts";
import type { MeasuredGroup } from "./compare-cases.ts";
import { failureReason } from "./failure-reason.ts";
import type { RunReply, RunRequest, ServerInfo } from "./tree-process.ts";

type Cases = Record<string, () => Promise<number>>;

const server: BenchServer = {
  ...(JSON.parse(process.env.FRIENDLI_BENCH_SERVER ?? "null") as ServerInfo),
  close: async () => {}, // the parent's to close
};

const makers: Record<MeasuredGroup, (calls: number) => Promise<Cases>> = {
  streams: async () => (await import("../cases/streams.ts")).streamCases(server),
  requests: async (calls) => (await import("../cases/requests.ts")).requestCases(server, calls),
  memory: async (calls) => (await import("../cases/request-overhead.ts")).requestOverheadCases(calls),
  // Its servers stop with this process (the mock's and Prism's process groups are killed at exit).
  mock: async (calls) => (await import("../cases/mock-server.ts")).mockServerCases(calls).cases,
};

const made = new Map<MeasuredGroup, Promise<Cases>>();
const failures: Record<string, string> = {};
const gc = (globalThis as { gc?: () => void }).gc;

/** Made once per group, at its first request (the calls per run are fixed from then on). */
const casesFor = (group: MeasuredGroup, calls: number) => {
  let cases = made.get(group);
  if (!cases) made.set(group, (cases = makers[group](calls)));
  return cases;
};

async function runCase({ group, key, calls }: RunRequest): Promise<RunReply> {
  const known = failures[key];
  if (known !== undefined) return { failure: known };
  try {
    const run = (await casesFor(group, calls))[key];
    if (!run) throw new Error("no such case in this tree's bench");
    gc?.();
    // CPU time, beside the case's own wall-clock measure: time this process waited for a
    // core the machine gave to other work is not in it, so it moves less on a busy machine.
    const cpuBefore = process.cpuUsage();
    const value = await run();
    const cpu = process.cpuUsage(cpuBefore);
    return { value, cpuMs: (cpu.user + cpu.system) / 1000 };
  } catch (error) {
    failures[key] = failureReason(error);
    return { failure: failures[key] };
  }
}

process.on("message", (request: RunRequest) => {
  void runCase(request).then((reply) => process.send?.(reply));
});
// The parent lets go (or dies): nothing left to do.
process.on("disconnect", () => process.exit(0));
