// A child of bench:compare (see tree-process.ts): this tree's cases, with the SDK packages
// of the build at FRIENDLI_BENCH_BUILD. Answers each RunRequest with one run of every case
// of its group. A case that throws is reported with its message and left out from then on;
// a case module that cannot load against this build (an export it lacks) fails its whole
// group the same way.
import type { BenchServer } from "../start-server.ts";
import { casesOf, type MeasuredGroup } from "./compare-cases.ts";
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
};

const made = new Map<MeasuredGroup, Cases>();
const failures: Record<string, string> = {};
const gc = (globalThis as { gc?: () => void }).gc;

async function runGroup({ group, round, calls }: RunRequest): Promise<RunReply> {
  const keys = casesOf(group).map((c) => c.key);
  const values: Record<string, number> = {};
  let cases = made.get(group);
  if (!cases) {
    try {
      cases = await makers[group](calls);
    } catch (error) {
      for (const key of keys) failures[key] ??= failureReason(error);
      return { values, failures };
    }
    made.set(group, cases);
  }
  // Each round starts one case later, so no case always runs first after the other tree.
  const start = Math.max(round, 0);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[(start + k) % keys.length] as string;
    const run = cases[key];
    if (key in failures) continue;
    if (!run) {
      failures[key] = "no such case in this tree's bench";
      continue;
    }
    gc?.();
    try {
      values[key] = await run();
    } catch (error) {
      failures[key] = failureReason(error);
    }
  }
  return { values, failures };
}

process.on("message", (request: RunRequest) => {
  void runGroup(request).then((reply) => process.send?.(reply));
});
// The parent lets go (or dies): nothing left to do.
process.on("disconnect", () => process.exit(0));
