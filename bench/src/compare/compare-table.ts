import { type CompareCase, higherIsBetter } from "./compare-cases.ts";

/** A row more than this much worse than its base is a regression (10%). */
export const REGRESSION_THRESHOLD = 0.1;

/** One build's measure of a case: its median, or why the case could not run on that build. */
export type Measure = { value: number } | { failure: string };

export interface CompareRow {
  case: CompareCase;
  base: Measure;
  next: Measure;
  /**
   * new/base measured in rounds: the median of each round's ratio, which a change in the
   * machine's load between rounds moves less than the ratio of the two medians. Without it
   * (bundles) the ratio is next / base.
   */
  ratio?: number;
}

export type Status = "regression" | "better" | "same" | "reference" | "n/a";

export interface Verdict {
  status: Status;
  /** new / base, when both ran. */
  ratio?: number;
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
  const ratio = row.ratio ?? next.value / base.value;
  if (row.case.reference) return { status: "reference", ratio, note: "floor, same code in both: noise" };
  const worse = higherIsBetter(row.case.unit) ? 1 - ratio : ratio - 1;
  if (pastThreshold(worse)) return { status: "regression", ratio, note: `REGRESSION: ${percent(worse)} worse` };
  if (pastThreshold(-worse)) return { status: "better", ratio, note: `better: ${percent(-worse)}` };
  return { status: "same", ratio, note: "" };
}

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
  const header = ["case", `base ${names.base}`, `new ${names.next}`, "new/base", ""];
  const cells = rows.map((row) => {
    const verdict = judge(row);
    return [
      row.case.label,
      formatValue(row.base, row.case.unit),
      formatValue(row.next, row.case.unit),
      verdict.ratio === undefined ? "—" : `${verdict.ratio.toFixed(2)}x`,
      verdict.note,
    ];
  });
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((line) => (line[i] ?? "").length)));
  const rightAligned = (i: number) => i === 1 || i === 2 || i === 3;
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
