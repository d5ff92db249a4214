// A plain count: digits, with an optional fraction. Anything else ("2, 2" from two joined
// headers, "2.", "1e3") is unreadable, not a number to guess at.
const NUMBER = /^\d+(\.\d+)?$/;
// The three HTTP date forms all start with a day name; Date.parse alone reads almost
// anything ("2, 2" is a date in 2001), which would mean "retry now".
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /;

/**
 * How long the server asked us to wait, in ms, from `retry-after-ms`, or `retry-after` as
 * seconds or an HTTP date. Undefined when absent or unreadable, so the normal backoff applies.
 */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms")?.trim();
  if (ms && NUMBER.test(ms)) return Number.parseFloat(ms);
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (NUMBER.test(value)) return Number.parseFloat(value) * 1000;
  if (!HTTP_DATE.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
