import { parseRetryAfter } from "./parse-retry-after.ts";

export interface RetryDelayOptions {
  initialDelayMs: number;
  maxDelayMs: number;
}

/**
 * Delay before retry number `retry` (0 for the first retry): the server's Retry-After when
 * it sent one, else exponential backoff with up to 25% jitter, never above `maxDelayMs`.
 */
export function retryDelay(
  retry: number,
  { initialDelayMs, maxDelayMs }: RetryDelayOptions,
  headers?: Headers,
  random = Math.random,
): number {
  const asked = headers ? parseRetryAfter(headers) : undefined;
  if (asked !== undefined) return Math.min(asked, maxDelayMs);
  const backoff = Math.min(initialDelayMs * 2 ** retry, maxDelayMs);
  // Jitter spreads clients that failed together so they do not come back together.
  return Math.round(backoff * (1 - random() * 0.25));
}
