import { escapeTerminalText } from "./escape-terminal-text.ts";
import { isClosed } from "./watch-closed-pipes.ts";

/** Whether to style text for this stream: a terminal, and NO_COLOR not set. */
export function useColor(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== "dumb";
}

export interface Style {
  /** Dimmed (SGR 2), when the stream shows colour. */
  dim?: boolean;
}

// Every write escapes what it prints (newlines and tabs kept): most of it comes from a
// server, and a value that was escaped already passes unchanged. Styling is added after.
function write(name: "stdout" | "stderr", text: string, style: Style = {}): void {
  if (isClosed(name)) return;
  const safe = escapeTerminalText(text, { lines: true });
  process[name].write(style.dim ? `\x1b[2m${safe}\x1b[22m` : safe);
}

/** Writes to stdout, escaped. */
export function out(text: string): void {
  write("stdout", text);
}

/** Writes to stderr, escaped: progress, reasoning, errors; never machine output. */
export function err(text: string, style?: Style): void {
  write("stderr", text, style);
}

/** One JSON document on stdout, indented, for `--json`. */
export function printJson(value: unknown): void {
  out(`${JSON.stringify(value, null, 2)}\n`);
}

/** One JSON value per line on stdout (for streams). */
export function printJsonLine(value: unknown): void {
  out(`${JSON.stringify(value)}\n`);
}
