// `pnpm bench:compare [ref]`: this tree against a base build, in one run. The base commit is
// checked out in a temporary git worktree, installed and built; then a child process per
// build runs this tree's cases with that build's packages (sdk-build-hooks.ts), the two
// running each case in turn, round after round, and the parent prints new/base per row
// (report on stdout, progress on stderr). The current tree must be built first (`pnpm bench:compare` does that).
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleApps, bundleSize } from "../cases/bundle.ts";
import { startServer } from "../start-server.ts";
import { median } from "../stats.ts";
import { addBaseWorktree, installAndBuild } from "./base-worktree.ts";
import { COMPARE_CASES, casesOf, type MeasuredGroup } from "./compare-cases.ts";
import {
  type CompareRow,
  formatCompareTable,
  type Measure,
  noiseOf,
  REGRESSION_THRESHOLD,
  regressionsOf,
} from "./compare-table.ts";
import { failureReason } from "./failure-reason.ts";
import { summarizeRatios } from "./pair-ratios.ts";
import { COMPARE_USAGE, MOCK_COMPARE, parseCompareArgs, WARMUP_ROUNDS } from "./parse-compare-args.ts";
import { gitIn, resolveBaseRef } from "./resolve-base-ref.ts";
import { startTreeProcess, type TreeProcess } from "./tree-process.ts";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const log = (line: string) => process.stderr.write(`${line}\n`);
const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

// Ctrl-C still runs the exit hooks: the worktree is removed, the children and server stopped.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));

const argv = process.argv.slice(2);
if (argv.includes("--help") || argv.includes("-h")) {
  console.log(COMPARE_USAGE);
  process.exit(0);
}
let args: ReturnType<typeof parseCompareArgs>;
let base: ReturnType<typeof resolveBaseRef>;
const git = gitIn(repoRoot);
try {
  args = parseCompareArgs(argv);
  base = args.same ? { sha: git("rev-parse", "HEAD"), label: "this tree" } : resolveBaseRef(args.ref, git);
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  process.exit(2);
}

const started = performance.now();
const describe = (sha: string) => git("log", "-1", "--format=%h (%cs)", sha);
const dirty = git("status", "--porcelain") !== "";
const nextName = `${git("rev-parse", "--short", "HEAD")}${dirty ? "+" : ""}`;
// --same: this build against itself, to see how far the machine alone moves each row.
const baseName = args.same ? `${nextName} again` : git("rev-parse", "--short", base.sha);
const machine = `Node ${process.version}, ${process.platform} ${process.arch}, ${cpus().length} CPUs`;
if (args.same) log(`bench:compare on ${machine}: this tree ${nextName} against itself (the noise of this machine)`);
else log(`bench:compare on ${machine}: base ${describe(base.sha)} [${base.label}] against this tree ${nextName}`);
if (base.note && !args.same) log(base.note);

type Side = "base" | "next";
const samples: Record<Side, Record<string, number[]>> = { base: {}, next: {} };
/**
 * Per case, each round's new/base, by the case's own measure and by the CPU time each
 * child spent: the two runs of a round are back to back, so they share the machine's load.
 */
const ratios: Record<string, number[]> = {};
const cpuRatios: Record<string, number[]> = {};
const failures: Record<Side, Record<string, string>> = { base: {}, next: {} };
const unitOf = new Map(COMPARE_CASES.map((c) => [c.key, c.unit]));

const tree = args.same ? undefined : addBaseWorktree(repoRoot, base.sha);
process.on("exit", () => tree?.remove());
const baseRoot = tree?.root ?? repoRoot;
const bundles: Record<Side, Record<string, Measure>> = { base: {}, next: {} };
try {
  let since = performance.now();
  if (tree) {
    log(`building ${baseName} in ${tree.root} ...`);
    installAndBuild(tree);
    log(`base built, ${elapsed(since)}`);
  }

  const server = await startServer();
  const { close: _, ...serverInfo } = server;
  const trees: Record<Side, TreeProcess> = {
    base: startTreeProcess(baseRoot, serverInfo),
    next: startTreeProcess(repoRoot, serverInfo),
  };
  try {
    // Group, calls per run, warm-up rounds, rounds.
    const groups: [MeasuredGroup, number, number, number][] = [
      ["streams", 0, WARMUP_ROUNDS, args.rounds],
      ["requests", args.requests, WARMUP_ROUNDS, args.rounds],
      ["memory", args.memoryCalls, WARMUP_ROUNDS, args.rounds],
    ];
    if (args.mock) {
      groups.push(["mock", MOCK_COMPARE.requests, MOCK_COMPARE.warmups, Math.min(args.rounds, MOCK_COMPARE.rounds)]);
    }
    for (const [group, calls, warmups, rounds] of groups) {
      since = performance.now();
      const keys = casesOf(group).map((c) => c.key);
      const runPair = async (key: string, order: Side[], keep: boolean) => {
        const pair: Partial<Record<Side, { value: number; cpuMs: number }>> = {};
        for (const side of order) {
          const reply = await trees[side].run({ group, key, calls });
          if ("failure" in reply) failures[side][key] = reply.failure;
          else if (keep) {
            (samples[side][key] ??= []).push(reply.value);
            pair[side] = reply;
          }
        }
        const { base: b, next: n } = pair;
        if (b === undefined || n === undefined) return;
        (ratios[key] ??= []).push(n.value / b.value);
        // CPU time is a cost whatever the unit: for requests per second, base/new reads the same way as the row.
        const rps = unitOf.get(key) === "req/s";
        (cpuRatios[key] ??= []).push(rps ? b.cpuMs / n.cpuMs : n.cpuMs / b.cpuMs);
      };
      // Warm-up rounds, not kept: the JIT's tiers, connections, caches.
      for (let w = 0; w < warmups; w++) for (const key of keys) await runPair(key, ["base", "next"], false);
      for (let round = 0; round < rounds; round++) {
        for (let k = 0; k < keys.length; k++) {
          // Each round starts one case later; the build that goes first changes every round
          // (base, new, then new, base), so neither always runs right after the other.
          const key = keys[(round + k) % keys.length] as string;
          await runPair(key, round % 2 === 0 ? ["base", "next"] : ["next", "base"], true);
        }
      }
      log(`${group}: ${warmups} warm-up + ${rounds} rounds per build, ${elapsed(since)}`);
    }
  } finally {
    for (const child of Object.values(trees)) child.close();
    await server.close();
  }

  since = performance.now();
  const bundleKeys = new Set(casesOf("bundle").map((c) => c.key));
  for (const [key, source] of Object.entries(bundleApps)) {
    if (!bundleKeys.has(key)) continue;
    for (const [side, root] of [
      ["base", baseRoot],
      ["next", repoRoot],
    ] as const) {
      try {
        const size = await bundleSize(source, join(root, "bench"), "silent");
        bundles[side][key] = { value: size.gzBytes };
        bundles[side][`${key}_total`] = { value: size.totalGzBytes };
      } catch (error) {
        bundles[side][key] = bundles[side][`${key}_total`] = { failure: failureReason(error) };
      }
    }
  }
  log(`bundles: ${elapsed(since)}`);
} finally {
  tree?.remove();
}

const measureOf = (side: Side, key: string): Measure => {
  const bundle = bundles[side][key];
  if (bundle) return bundle;
  const failure = failures[side][key];
  if (failure !== undefined) return { failure };
  const values = samples[side][key];
  return values?.length ? { value: median(values) } : { failure: "not measured" };
};
const rows: CompareRow[] = COMPARE_CASES.filter((c) => args.mock || c.group !== "mock").map((c) => ({
  case: c,
  base: measureOf("base", c.key),
  next: measureOf("next", c.key),
  rounds: summarizeRatios(ratios[c.key] ?? []),
  cpu: summarizeRatios(cpuRatios[c.key] ?? []),
}));
const regressions = regressionsOf(rows);
const noise = noiseOf(rows);

const report = [
  `### bench:compare: ${baseName} (base${base.label === baseName ? "" : `, ${base.label}`}) → ${nextName} (new${dirty ? ", with uncommitted changes" : ""})`,
  "",
  `${machine}; ${WARMUP_ROUNDS} warm-up rounds dropped, then ${args.rounds} rounds, the two builds running each ` +
    `case back to back (base and new, then new and base), a GC before each run. base and new: medians of the ` +
    `case's own measure. new/base: from the CPU time each build's process spent, one ratio per round, the mean ` +
    `of the middle half of them; spread: half the width of that middle half (a row that moved less than its ` +
    `spread cannot be told from the machine); wall-clock new/base the same from the case's own measure. ` +
    `Requests ${args.requests} and in-memory calls ${args.memoryCalls} per run; bundles esbuild minified and ` +
    `split as an app's bundler splits them, gzip -9: what the app loads at start (the "all chunks" rows add ` +
    `what it loads on first use of a rarely used method).` +
    (args.mock
      ? ` Mock server rows: ${MOCK_COMPARE.warmups} warm-up and ${Math.min(args.rounds, MOCK_COMPARE.rounds)} rounds, ` +
        `${MOCK_COMPARE.requests} requests a run, a start run spawning the server and answering one request.`
      : ""),
  "",
  formatCompareTable(rows, { base: baseName, next: nextName }),
  "",
  regressions.length === 0
    ? `No regression (no row more than ${REGRESSION_THRESHOLD * 100}% worse than the base).`
    : `${regressions.length} regression${regressions.length > 1 ? "s" : ""} (more than ${REGRESSION_THRESHOLD * 100}% worse than the base): ` +
      regressions.map((row) => row.case.label).join("; "),
  "",
  `The floor rows run the same code against both builds: their ratios are this run's noise${
    noise === undefined
      ? "."
      : ` (up to ${Math.round(noise * 100)}% here; a smaller difference elsewhere may be the machine).`
  }`,
  "",
].join("\n");

console.log(`\n${report}`);
// Through pnpm the cwd is bench/; a relative --out means where pnpm was run.
if (args.out) writeFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), args.out), report);
log(`total ${elapsed(started)}`);
process.exitCode = args.failOnRegression && regressions.length > 0 ? 1 : 0;
