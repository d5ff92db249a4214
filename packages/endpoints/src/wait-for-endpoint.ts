import type { CallOptions } from "@friendli-ts/client";
import { APIUserAbortError, InvalidInputError } from "@friendli-ts/client";
import {
  type BackoffOptions,
  backoffDelay,
  linkedAbort,
  redactError,
  secretOf,
  sleep,
} from "@friendli-ts/client/internal";
import { EndpointFailedError } from "./endpoint-failed-error.ts";
import { FAILURE_STATUSES, readTargetStatuses } from "./endpoint-statuses.ts";
import { EndpointWaitTimeoutError } from "./endpoint-wait-timeout-error.ts";
import type { EndpointStatus, EndpointStatusName } from "./spec-types.ts";

/** Reported whenever the status or the phase differs from the previous poll (and for the first). */
export interface WaitProgress {
  endpointId: string;
  status: EndpointStatusName;
  phase: EndpointStatus["phase"];
  previousStatus: EndpointStatusName | null;
  previousPhase: EndpointStatus["phase"];
  /** Status answers read so far, this one included. */
  polls: number;
  elapsedMs: number;
  endpoint: EndpointStatus;
}

/**
 * How to wait, plus the call options every status request of the wait is sent with (its
 * `signal` also stops the wait; its `timeout` is per request, `timeoutMs` for the whole wait).
 */
export interface WaitOptions extends CallOptions {
  /** Give up after this many ms with EndpointWaitTimeoutError. Default 30 minutes; Infinity waits for good. */
  timeoutMs?: number;
  /** Wait before the second poll, in ms. Default 1000. */
  intervalMs?: number;
  /** Longest wait between polls, in ms. Default 15000 (or `intervalMs` when that is longer). */
  maxIntervalMs?: number;
  /** Each wait between polls is the previous one times this. Default 1.5. */
  backoffFactor?: number;
  onProgress?: (progress: WaitProgress) => void;
}

export const DEFAULT_WAIT_TIMEOUT_MS = 30 * 60_000;
export type StatusReader = (endpointId: string, options: CallOptions) => Promise<EndpointStatus>;

function atLeast(name: string, value: number, min: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min) {
    throw new InvalidInputError(`${name} must be a number of at least ${min}, got ${String(value)}`);
  }
  return value;
}

/**
 * The wait's own options, checked (so the helpers can check them before they create or wake
 * anything), apart from the call options every poll is sent with.
 */
export function readWaitOptions(options: WaitOptions): {
  timeoutMs: number;
  backoff: BackoffOptions;
  onProgress: WaitOptions["onProgress"];
  call: CallOptions;
} {
  const { timeoutMs: waitTimeout, intervalMs, maxIntervalMs, backoffFactor, onProgress, ...call } = options;
  const timeoutMs = waitTimeout ?? DEFAULT_WAIT_TIMEOUT_MS;
  if (typeof timeoutMs !== "number" || !(timeoutMs > 0)) {
    throw new InvalidInputError(`timeoutMs must be a positive number, got ${String(timeoutMs)}`);
  }
  const initialDelayMs = atLeast("intervalMs", intervalMs ?? 1000, 1);
  const maxDelayMs = atLeast("maxIntervalMs", maxIntervalMs ?? Math.max(15_000, initialDelayMs), initialDelayMs);
  const factor = atLeast("backoffFactor", backoffFactor ?? 1.5, 1);
  // No jitter: one caller polls one endpoint, so there is no herd to spread, and fixed
  // delays keep waits predictable.
  return { timeoutMs, backoff: { initialDelayMs, maxDelayMs, factor, jitter: 0 }, onProgress, call };
}

/**
 * Polls an endpoint's status until it is one of `target`. Throws EndpointFailedError on
 * FAILED or TERMINATED (unless waited for), EndpointWaitTimeoutError after `timeoutMs`, and
 * APIUserAbortError when `signal` aborts. `first` is a status the caller already holds
 * (from wake or create): it counts as the first poll.
 */
export async function waitForEndpoint(
  readStatus: StatusReader,
  endpointId: string,
  target: EndpointStatusName | readonly EndpointStatusName[],
  options: WaitOptions = {},
  first?: EndpointStatus,
): Promise<EndpointStatus> {
  const targets = readTargetStatuses(target);
  const failures = FAILURE_STATUSES.filter((s) => !targets.includes(s));
  const { timeoutMs, backoff, onProgress, call } = readWaitOptions(options);
  const userSignal = call.signal;
  if (userSignal?.aborted) throw new APIUserAbortError(undefined, { cause: userSignal.reason });

  // One abort stops the request in flight or the sleep, for the deadline or the caller;
  // each poll takes the caller's call options whole, with this abort's signal.
  const link = linkedAbort(userSignal, timeoutMs);

  const started = Date.now();
  let last: EndpointStatus | null = null;
  try {
    for (let poll = 0; ; poll++) {
      const current = poll === 0 && first ? first : await readStatus(endpointId, { ...call, signal: link.signal });
      const changed =
        last === null || last.status !== current.status || (last.phase ?? null) !== (current.phase ?? null);
      if (changed && onProgress) {
        onProgress({
          endpointId,
          status: current.status,
          phase: current.phase ?? null,
          previousStatus: last?.status ?? null,
          previousPhase: last ? (last.phase ?? null) : null,
          polls: poll + 1,
          elapsedMs: Date.now() - started,
          endpoint: current,
        });
      }
      last = current;
      if (targets.includes(current.status)) return current;
      // The status is the server's answer: the error that quotes it is redacted with the call's token.
      if (failures.includes(current.status)) {
        throw redactError(new EndpointFailedError(endpointId, current, targets), secretOf(current));
      }
      await sleep(backoffDelay(poll, backoff), link.signal);
    }
  } catch (error) {
    if (link.timedOut) {
      throw redactError(new EndpointWaitTimeoutError(endpointId, targets, timeoutMs, last), secretOf(last));
    }
    if (userSignal?.aborted && !(error instanceof APIUserAbortError)) {
      throw new APIUserAbortError(`waiting for endpoint "${endpointId}" was aborted`, { cause: userSignal.reason });
    }
    throw error;
  } finally {
    link.dispose();
  }
}
