import { escapeTerminalText } from "./escape-terminal-text.ts";

export interface Column {
  header: string;
  /** Numbers read better aligned right. */
  align?: "left" | "right";
}

/**
 * A plain text table: a header row, then one row per entry, columns padded to fit. Cells come
 * from the server: each is escaped to one line of visible text before it is measured.
 */
export function formatTable(columns: readonly Column[], serverRows: readonly (readonly string[])[]): string {
  const rows = serverRows.map((row) => row.map((cell) => escapeTerminalText(cell)));
  const widths = columns.map((column, i) =>
    Math.max(column.header.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    columns
      .map((column, i) => {
        const cell = cells[i] ?? "";
        return column.align === "right" ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!);
      })
      .join("  ")
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)].map((l) => `${l}\n`).join("");
}

/** A number with thousands separators (`180,000`); empty for a missing value. */
export function formatCount(value: number | null | undefined): string {
  return typeof value === "number" ? value.toLocaleString("en-US") : "";
}

/** A decimal amount as the API sends it ("2.709083"), or a sum, to at most 6 places. */
export function formatAmount(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  return n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 6 });
}
