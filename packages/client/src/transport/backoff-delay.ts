export interface BackoffOptions {
  /** The first delay, in ms. */
  initialDelayMs: number;
  /** No delay is longer than this, in ms. */
  maxDelayMs: number;
  /** Each delay is the previous one times this. Default 2. */
  factor?: number;
  /** Up to this share is taken off each delay at random (0 to 1). Default 0.25. */
  jitter?: number;
}

// setTimeout fires at once for a delay past 2^31 - 1 ms.
const MAX_TIMER_MS = 2_147_483_647;

/**
 * The delay before try number `attempt + 1`: exponential, capped, with jitter so that
 * clients that failed together do not come back together. The one backoff of the SDK:
 * request retries, storage uploads and status polling all wait through it.
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random = Math.random): number {
  const { initialDelayMs, maxDelayMs, factor = 2, jitter = 0.25 } = options;
  const delay = Math.min(initialDelayMs * factor ** attempt, maxDelayMs, MAX_TIMER_MS);
  return Math.round(delay * (1 - random() * jitter));
}
