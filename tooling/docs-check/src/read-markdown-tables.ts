/** A run of `|` lines of a Markdown page, outside code blocks. */
export interface MarkdownTable {
  /** The line of the first row, from 1. */
  line: number;
  /** Whether the second line is the `| --- |` row under a header; a run without it renders as text. */
  hasHeader: boolean;
  /** Every row but the separator, the header first; cells trimmed, the outer pipes dropped. */
  rows: { line: number; cells: string[] }[];
}

const SEPARATOR = /^\|(\s*:?-+:?\s*\|)+\s*$/;

/**
 * The tables of a page, read line by line (the Markdown parser the checks use knows no tables).
 * A table a paragraph cuts in two comes back as two, the second without a header.
 */
export function readMarkdownTables(markdown: string): MarkdownTable[] {
  const tables: MarkdownTable[] = [];
  let fence: string | undefined;
  let current: { line: number; lines: { line: number; text: string }[] } | undefined;
  const close = () => {
    if (!current) return;
    const [, second] = current.lines;
    const hasHeader = second !== undefined && SEPARATOR.test(second.text);
    const rows = current.lines
      .filter((_, i) => !(hasHeader && i === 1))
      .map(({ line, text }) => ({ line, cells: splitRow(text) }));
    tables.push({ line: current.line, hasHeader, rows });
    current = undefined;
  };
  markdown.split("\n").forEach((raw, i) => {
    const text = raw.trim();
    const marker = /^(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence) {
      if (marker?.startsWith(fence)) fence = undefined;
      return;
    }
    if (marker) {
      close();
      fence = marker;
      return;
    }
    if (text.startsWith("|")) {
      current ??= { line: i + 1, lines: [] };
      current.lines.push({ line: i + 1, text });
    } else close();
  });
  close();
  return tables;
}

/** The cells of `| a | b |`; a `|` inside backticks or escaped stays in its cell. */
function splitRow(text: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "\\" && text[i + 1] === "|") {
      cell += "|";
      i++;
    } else if (char === "`") {
      inCode = !inCode;
      cell += char;
    } else if (char === "|" && !inCode) {
      cells.push(cell.trim());
      cell = "";
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells.slice(1, text.trimEnd().endsWith("|") ? -1 : undefined);
}
