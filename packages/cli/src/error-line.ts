import { escapeTerminalText } from "./escape-terminal-text.ts";
import { redactSecrets } from "./redact-secrets.ts";

/** Longest error line printed, before escaping: a server's message can be of any length. */
export const MAX_ERROR_LINE = 1_000;

/**
 * The line printed for an error: the secrets removed from the whole text first, then cut to
 * its first 1,000 characters, then escaped to one line of visible text. In this order a
 * cut cannot leave part of a secret behind, and an escape cannot be cut in half.
 */
export function errorLine(message: string, secrets: readonly string[]): string {
  const whole = redactSecrets(message, secrets);
  return `${escapeTerminalText(cutText(whole, MAX_ERROR_LINE))}\n`;
}

/** Text cut to `max` UTF-16 units with a mark, never between the two halves of a surrogate pair. */
function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text[max - 1] ?? "") ? max - 1 : max;
  return `${text.slice(0, end)}... (cut)`;
}
