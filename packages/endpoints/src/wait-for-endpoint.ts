import type { CallOptions } from "@friendli-ts/client";
import { APIUserAbortError, InvalidInputError, sleep } from "@friendli-ts/client";
import { type BackoffOptions, backoffDelay, resolveBackoff } from "./backoff-delay.ts";
import { EndpointFailedError } from "./endpoint-failed-error.ts";
import { FAILURE_STATUSES, readTargetStatuses } from "./endpoint-statuses.ts";
import { EndpointWaitTimeoutError } from "./endpoint-wait-timeout-error.ts";
import { requireEndpointId } from "./require-endpoint-id.ts";
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

export interface WaitOptions extends BackoffOptions, CallOptions {
  /** Give up after this many ms with EndpointWaitTimeoutError. Default 30 minutes; Infinity waits for good. */
  timeoutMs?: number;
  onProgress?: (progress: WaitProgress) => void;
}

export const DEFAULT_WAIT_TIMEOUT_MS = 30 * 60_000;
const MAX_TIMER_MS = 2_147_483_647;

export type StatusReader = (endpointId: string, options: CallOptions) => Promise<EndpointStatus>;

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
  const id = requireEndpointId(endpointId);
  const targets = readTargetStatuses(target);
  const failures = FAILURE_STATUSES.filter((s) => !targets.includes(s));
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
  if (typeof timeoutMs !== "number" || !(timeoutMs > 0)) {
    throw new InvalidInputError(`timeoutMs must be a positive number, got ${String(timeoutMs)}`);
  }
  const backoff = resolveBackoff(options);
  const userSignal = options.signal;
  if (userSignal?.aborted) throw new APIUserAbortError(undefined, { cause: userSignal.reason });

  // One controller stops the request in flight or the sleep, for the deadline or the caller.
  const controller = new AbortController();
  let timedOut = false;
  const onUserAbort = () => controller.abort(userSignal?.reason);
  userSignal?.addEventListener("abort", onUserAbort, { once: true });
  // setTimeout fires at once for delays past 2^31-1 ms, so a longer (or Infinity) timeout
  // means no deadline timer at all.
  const timer =
    timeoutMs <= MAX_TIMER_MS
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs)
      : undefined;

  const started = Date.now();
  let last: EndpointStatus | null = null;
  try {
    for (let poll = 0; ; poll++) {
      const current =
        poll === 0 && first ? first : await readStatus(id, { teamId: options.teamId, signal: controller.signal });
      const changed =
        last === null || last.status !== current.status || (last.phase ?? null) !== (current.phase ?? null);
      if (changed && options.onProgress) {
        options.onProgress({
          endpointId: id,
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
      if (failures.includes(current.status)) throw new EndpointFailedError(id, current, targets);
      await sleep(backoffDelay(poll, backoff), controller.signal);
    }
  } catch (error) {
    if (timedOut) throw new EndpointWaitTimeoutError(id, targets, timeoutMs, last);
    if (userSignal?.aborted && !(error instanceof APIUserAbortError)) {
      throw new APIUserAbortError(`waiting for endpoint "${id}" was aborted`, { cause: userSignal.reason });
    }
    throw error;
  } finally {
    clearTimeout(timer);
    userSignal?.removeEventListener("abort", onUserAbort);
  }
}
