import { InvalidInputError } from "@friendli-ts/client";

export interface BackoffOptions {
  /** Wait before the second poll, in ms. Default 1000. */
  intervalMs?: number;
  /** Longest wait between polls, in ms. Default 15000. */
  maxIntervalMs?: number;
  /** Each wait is the previous one times this. Default 1.5. */
  backoffFactor?: number;
}

export interface Backoff {
  intervalMs: number;
  maxIntervalMs: number;
  backoffFactor: number;
}

function positive(name: string, value: number, min: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min) {
    throw new InvalidInputError(`${name} must be a number of at least ${min}, got ${String(value)}`);
  }
  return value;
}

export function resolveBackoff(options: BackoffOptions = {}): Backoff {
  const intervalMs = positive("intervalMs", options.intervalMs ?? 1000, 1);
  const maxIntervalMs = positive("maxIntervalMs", options.maxIntervalMs ?? Math.max(15_000, intervalMs), intervalMs);
  const backoffFactor = positive("backoffFactor", options.backoffFactor ?? 1.5, 1);
  return { intervalMs, maxIntervalMs, backoffFactor };
}

/**
 * The wait after poll number `attempt` (0-based). No jitter: one caller polls one endpoint,
 * so there is no herd to spread, and fixed delays keep waits predictable.
 */
export function backoffDelay(attempt: number, backoff: Backoff): number {
  // Capped at setTimeout's limit too: past it, a timer fires at once.
  const delay = Math.min(backoff.maxIntervalMs, Math.round(backoff.intervalMs * backoff.backoffFactor ** attempt));
  return Math.min(delay, 2_147_483_647);
}
