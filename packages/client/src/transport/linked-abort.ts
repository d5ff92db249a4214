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
  return new Link(parent ?? undefined, timeoutMs);
}

// A class rather than closures and an object literal with a getter: it is made on every
// attempt, and V8 builds a literal with an accessor on a slow path.
class Link implements LinkedAbort {
  readonly controller = new AbortController();
  timedOut = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #parent: AbortSignal | undefined;
  #follow: (() => void) | undefined;

  constructor(parent: AbortSignal | undefined, timeoutMs: number) {
    this.#parent = parent;
    if (parent?.aborted) this.controller.abort(parent.reason);
    else if (parent) {
      this.#follow = () => this.controller.abort(parent.reason);
      parent.addEventListener("abort", this.#follow, { once: true });
    }
    if (timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS) {
      this.#timer = setTimeout(() => {
        this.timedOut = true;
        this.controller.abort();
      }, timeoutMs);
    }
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  clearDeadline(): void {
    if (this.#timer === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  // An arrow, so `release: link.dispose` can be handed on without its `this`.
  dispose = (): void => {
    this.clearDeadline();
    if (this.#follow) this.#parent?.removeEventListener("abort", this.#follow);
  };
}
