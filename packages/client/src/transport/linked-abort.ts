// setTimeout fires at once past this, so a longer deadline means none.
const MAX_TIMER_MS = 2_147_483_647;

/** An abort that follows a caller's signal and, optionally, a deadline. */
export interface LinkedAbort {
  /** Aborted when the caller's signal is, when the deadline passes, or by hand. */
  readonly controller: AbortController;
  readonly signal: AbortSignal;
  /** True once the deadline (not the caller) aborted it. */
  readonly timedOut: boolean;
  /** Stops the deadline but keeps following the caller (a stream after its headers). */
  clearDeadline(): void;
  /** Stops the deadline and lets go of the caller's signal, so no listener stays behind. */
  dispose(): void;
}

/**
 * The SDK's one way to combine a caller's signal with its own abort and deadline: the
 * transport per attempt, and helpers that wait (polling, batches) for their whole run.
 * A listener on the caller's signal is removed by `dispose()`, so a signal reused across
 * many calls collects none.
 */
export function linkedAbort(parent: AbortSignal | undefined | null, timeoutMs = 0): LinkedAbort {
  const controller = new AbortController();
  let timedOut = false;
  const follow = () => controller.abort(parent?.reason);
  if (parent?.aborted) follow();
  else parent?.addEventListener("abort", follow, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined =
    timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs)
      : undefined;
  const clearDeadline = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return {
    controller,
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    clearDeadline,
    dispose() {
      clearDeadline();
      parent?.removeEventListener("abort", follow);
    },
  };
}
