// C0 controls, DEL, C1 controls (U+0080-U+009F: a terminal in UTF-8 mode may read U+009B as
// CSI), and the bidi embeddings, overrides and isolates that can make text read in another order.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters escaped
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// The same, but for newline and tab.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters escaped
const UNSAFE_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const visible = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * Text from a server made safe to print on a terminal: every control character is shown as
 * `\u001b`, `\u009b`, ..., so a name, a status or a chat answer cannot set the window title,
 * clear the screen or write the clipboard. The form is JSON's, so JSON text stays valid JSON
 * with the same value. `lines` keeps newlines and tabs (chat answers, logs); without it they
 * are escaped too, so one value stays on one line (a table cell, a status, an error).
 */
export function escapeTerminalText(text: string, { lines = false }: { lines?: boolean } = {}): string {
  // String(): a hostile server may send a number or an object where a string belongs.
  return String(text).replace(lines ? UNSAFE_BUT_LINES : UNSAFE, visible);
}
