import { type CompareCase, higherIsBetter } from "./compare-cases.ts";
import type { RatioSummary } from "./pair-ratios.ts";

/** A row more than this much worse than its base is a regression (10%). */
export const REGRESSION_THRESHOLD = 0.1;

/** One build's measure of a case: its median, or why the case could not run on that build. */
export type Measure = { value: number } | { failure: string };

export interface CompareRow {
  case: CompareCase;
  base: Measure;
  next: Measure;
  /**
   * new/base from the CPU time each build's process spent in each round, oriented like the
   * row (for req/s, base CPU / new CPU): what the verdict reads when there is one. CPU time
   * leaves out the time a process waited for a core, so a busy machine moves it far less.
   */
  cpu?: RatioSummary;
  /**
   * new/base of the case's own measure (wall-clock ms, req/s, µs) in each round, printed
   * beside it: a change that only waits longer (a timer) shows here, not in CPU time.
   * Without either (bundles) the ratio is next / base, exact.
   */
  rounds?: RatioSummary;
}

export type Status = "regression" | "better" | "same" | "reference" | "n/a";

export interface Verdict {
  status: Status;
  /** new / base, when both ran. */
  ratio?: number;
  /** The rounds disagreed by more than the row moved: the difference may be the machine's. */
  insideNoise?: boolean;
  /** What the status column says, e.g. "REGRESSION: 66% worse". */
  note: string;
}

const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;
// 110 / 100 - 1 is 0.10000000000000009 in floating point: exactly 10% is not "more than".
const pastThreshold = (fraction: number) => fraction > REGRESSION_THRESHOLD + 1e-9;

/**
 * Judges one row. "Worse" is new/base - 1 for times and bytes, 1 - new/base for requests
 * per second; more than 10% worse is a regression, more than 10% better is "better". A
 * case the new build cannot run while the base could is a regression too.
 */
export function judge(row: CompareRow): Verdict {
  const { base, next } = row;
  if ("failure" in next) {
    if ("failure" in base) return { status: "n/a", note: "" };
    return { status: "regression", note: "REGRESSION: fails on the new build" };
  }
  if ("failure" in base) return { status: "n/a", note: "" };
  const summary = row.cpu ?? row.rounds;
  const ratio = summary?.ratio ?? next.value / base.value;
  if (row.case.reference) return { status: "reference", ratio, note: "floor, same code in both: noise" };
  const worse = higherIsBetter(row.case.unit) ? 1 - ratio : ratio - 1;
  const insideNoise = summary !== undefined && Math.abs(worse) <= summary.spread;
  const noisy = insideNoise ? " (inside the spread)" : "";
  if (pastThreshold(worse))
    return { status: "regression", ratio, insideNoise, note: `REGRESSION: ${percent(worse)} worse${noisy}` };
  if (pastThreshold(-worse))
    return { status: "better", ratio, insideNoise, note: `better: ${percent(-worse)}${noisy}` };
  return { status: "same", ratio, insideNoise, note: "" };
}

/** The case's own measure (median of the rounds), or why a build could not run it. */
const formatValue = (measure: Measure, unit: CompareCase["unit"]) => {
  if ("failure" in measure) return `n/a (${measure.failure})`;
  const digits = (unit === "ms" || unit === "µs") && measure.value < 100 ? 1 : 0;
  const number = measure.value.toLocaleString("en-US", {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
  return `${number} ${unit}`;
};

export interface TableNames {
  base: string;
  next: string;
}

/**
 * A Markdown table (readable as plain text too): case, base, new, new/base, status. The
 * cells are padded so that the columns line up in a terminal.
 */
export function formatCompareTable(rows: readonly CompareRow[], names: TableNames): string {
  const header = ["case", `base ${names.base}`, `new ${names.next}`, "new/base", "spread", "wall-clock new/base", ""];
  const spread = (summary: RatioSummary | undefined) =>
    summary === undefined ? "—" : `±${(summary.spread * 100).toFixed(1)}%`;
  const cells = rows.map((row) => {
    const verdict = judge(row);
    const both = verdict.ratio !== undefined;
    return [
      row.case.label,
      formatValue(row.base, row.case.unit),
      formatValue(row.next, row.case.unit),
      both ? `${(verdict.ratio as number).toFixed(3)}x` : "—",
      both ? spread(row.cpu ?? row.rounds) : "—",
      both && row.cpu && row.rounds ? `${row.rounds.ratio.toFixed(3)}x ${spread(row.rounds)}` : "—",
      verdict.note,
    ];
  });
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((line) => (line[i] ?? "").length)));
  const rightAligned = (i: number) => i >= 1 && i <= 5;
  const format = (line: string[]) =>
    `| ${line.map((cell, i) => (rightAligned(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join(" | ")} |`;
  const rule = `|${widths.map((width, i) => (rightAligned(i) ? `${"-".repeat(width + 1)}:` : "-".repeat(width + 2))).join("|")}|`;
  return [format(header), rule, ...cells.map(format)].join("\n");
}

/**
 * How far the floors moved in this run (the largest of |new/base - 1| over the reference
 * rows): a difference smaller than that elsewhere may be the machine, not the change.
 */
export function noiseOf(rows: readonly CompareRow[]): number | undefined {
  const moves = rows
    .filter((row) => row.case.reference)
    .map((row) => judge(row).ratio)
    .filter((ratio) => ratio !== undefined)
    .map((ratio) => Math.abs(ratio - 1));
  return moves.length === 0 ? undefined : Math.max(...moves);
}

/** The rows judged regressions, for the summary line and the exit code. */
export const regressionsOf = (rows: readonly CompareRow[]) => rows.filter((row) => judge(row).status === "regression");
