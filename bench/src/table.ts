export interface Row {
  name: string;
  unit: "ms" | "µs" | "req/s" | "B" | "MB";
  ours: number;
  peer?: number;
  /** The raw floor (streams, requests) or the baseline (import). */
  raw?: number;
  /** The informational target, already judged: e.g. "≤ 0.4x peer: yes". */
  target?: string;
}

const number = (value: number | undefined, unit: Row["unit"]) => {
  if (value === undefined) return "—";
  const digits = (unit === "ms" || unit === "µs" || unit === "MB") && value < 100 ? 1 : 0;
  return `${value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`;
};
const ratio = (a: number, b: number | undefined) => (b === undefined ? "—" : `${(a / b).toFixed(2)}x`);

/** A plain-text table: case, ours, peer, raw/floor, ours/peer, ours/raw, target. */
export function formatTable(rows: readonly Row[], peerName = "openai-node"): string {
  const header = ["case", "ours", peerName, "raw / floor", "ours/peer", "ours/raw", "target (informational)"];
  const cells = rows.map((row) => [
    row.name,
    number(row.ours, row.unit),
    number(row.peer, row.unit),
    number(row.raw, row.unit),
    ratio(row.ours, row.peer),
    ratio(row.ours, row.raw),
    row.target ?? "",
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((line) => (line[i] ?? "").length)));
  const left = (i: number) => i === 0 || i === header.length - 1;
  const format = (line: string[]) =>
    line
      .map((cell, i) => (left(i) ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [format(header), rule, ...cells.map(format)].join("\n");
}

/** "yes" or "NO" beside a target. */
export const met = (ok: boolean) => (ok ? "yes" : "NO");
