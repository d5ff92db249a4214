import { stateFullBody } from "./state-error-bodies.ts";
import type { StateAnswer } from "./state-request.ts";

/** How much the mock's state holds at most (per mock). */
export interface StateLimits {
  /**
   * Endpoints, endpoint versions, datasets, dataset versions, splits and samples, counted
   * together. Default 100 000.
   */
  objects: number;
  /** Bytes of sample text and of endpoint specs kept, together. Default 64 MiB. */
  bytes: number;
}

/**
 * The defaults. The state lives in the test process: a suite that never calls `reset()`, or
 * a loop that creates without end, must not grow it without bound. Both are far above what a
 * contract test creates (an upload test sends a few hundred samples) and hold at most tens of
 * MB with Node's per-object overhead.
 */
const DEFAULT_STATE_LIMITS: StateLimits = { objects: 100_000, bytes: 64 * 1024 * 1024 };

/** Checks limits given to startMockServer; a bad one is the caller's mistake, named at once. */
export function readStateLimits(given: Partial<StateLimits> = {}): StateLimits {
  const limits = { ...DEFAULT_STATE_LIMITS, ...given };
  for (const [name, value] of Object.entries(limits)) {
    if (!(Number.isSafeInteger(value) && value >= 0)) {
      throw new RangeError(
        `startMockServer: stateLimits.${name} must be a whole number, 0 or more, not ${String(value)}`,
      );
    }
  }
  return limits;
}

/** What the state holds against its limits. Taking is all or nothing. */
export class StateBudget {
  objects = 0;
  bytes = 0;
  constructor(readonly limits: StateLimits) {}

  /** Takes room for `objects` and `bytes`, or answers why not (nothing is taken then). */
  take(objects: number, bytes: number): StateAnswer | undefined {
    if (this.objects + objects > this.limits.objects) {
      return stateFull(
        `the mock keeps at most ${this.limits.objects} objects (endpoints, datasets, versions, splits and samples; ${this.objects} held, this call adds ${objects})`,
        "stateLimits.objects",
      );
    }
    if (this.bytes + bytes > this.limits.bytes) {
      return stateFull(
        `the mock keeps at most ${this.limits.bytes} bytes of samples and endpoint specs (${this.bytes} held, this call adds ${bytes})`,
        "stateLimits.bytes",
      );
    }
    this.objects += objects;
    this.bytes += bytes;
    return undefined;
  }

  give(objects: number, bytes: number): void {
    this.objects = Math.max(0, this.objects - objects);
    this.bytes = Math.max(0, this.bytes - bytes);
  }

  clear(): void {
    this.objects = 0;
    this.bytes = 0;
  }
}

/**
 * 507 Insufficient Storage: the server cannot keep what the request asks it to. A 5xx that
 * no client retries here, since only creates are refused, and creates are not retry-safe.
 */
const stateFull = (what: string, option: string): StateAnswer => ({
  status: 507,
  json: stateFullBody(`${what}: call reset() between tests or raise ${option} in startMockServer`),
});
