/** Whether to style text for this stream: a terminal, and NO_COLOR not set. */
export function useColor(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== "dumb";
}

export const dim = (text: string, color: boolean) => (color ? `\x1b[2m${text}\x1b[22m` : text);
export const bold = (text: string, color: boolean) => (color ? `\x1b[1m${text}\x1b[22m` : text);

/** Writes to stdout. */
export function out(text: string): void {
  process.stdout.write(text);
}

/** Writes to stderr: progress, reasoning, errors; never machine output. */
export function err(text: string): void {
  process.stderr.write(text);
}

/** One JSON document on stdout, indented, for `--json`. */
export function printJson(value: unknown): void {
  out(`${JSON.stringify(value, null, 2)}\n`);
}

/** One JSON value per line on stdout (for streams). */
export function printJsonLine(value: unknown): void {
  out(`${JSON.stringify(value)}\n`);
}
