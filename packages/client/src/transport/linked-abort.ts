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
  /**
   * Disposes and aborts this link once `holder` is garbage collected, unless it was disposed
   * first: for an answer handed over at its headers whose body may be dropped unread, where
   * nothing else would ever tell the call is over.
   */
  endWhenCollected(holder: object): void;
}

/**
 * The SDK's one way to combine a caller's signal with its own abort and deadline: the
 * transport per attempt, and helpers that wait (polling, batches) for their whole run.
 * A caller's signal gets one listener however many calls follow it (so a shared shutdown
 * signal never reaches Node's listener warning), and none once every link on it is disposed.
 */
export function linkedAbort(parent: AbortSignal | undefined | null, timeoutMs = 0): LinkedAbort {
  return new Link(parent ?? undefined, timeoutMs);
}

/** The links following one caller's signal, and the one listener that aborts them all. */
class Followers {
  readonly links = new Set<Link>();
  readonly onAbort: () => void;

  constructor(readonly parent: AbortSignal) {
    this.onAbort = () => {
      followersOf.delete(parent);
      // A link disposed while others abort is skipped (a Set visits no deleted entry).
      for (const link of this.links) link.controller.abort(parent.reason);
      this.links.clear();
    };
  }
}

const followersOf = new WeakMap<AbortSignal, Followers>();

// Held value: the link, which reaches neither the holder nor the body it reads.
const whenCollected = new FinalizationRegistry<Link>((link) => {
  link.dispose();
  link.controller.abort();
});

// A class rather than closures and an object literal with a getter: it is made on every
// attempt, and V8 builds a literal with an accessor on a slow path.
class Link implements LinkedAbort {
  readonly controller = new AbortController();
  timedOut = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #followers: Followers | undefined;
  #watched = false;

  constructor(parent: AbortSignal | undefined, timeoutMs: number) {
    if (parent?.aborted) this.controller.abort(parent.reason);
    else if (parent) {
      let followers = followersOf.get(parent);
      if (!followers) {
        followers = new Followers(parent);
        followersOf.set(parent, followers);
        parent.addEventListener("abort", followers.onAbort, { once: true });
      }
      followers.links.add(this);
      this.#followers = followers;
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

  endWhenCollected(holder: object): void {
    if (!this.#followers) return; // no caller's signal holds this call
    whenCollected.register(holder, this, this);
    this.#watched = true;
  }

  // An arrow, so `release: link.dispose` can be handed on without its `this`.
  dispose = (): void => {
    this.clearDeadline();
    if (this.#watched) {
      this.#watched = false;
      whenCollected.unregister(this);
    }
    const followers = this.#followers;
    if (!followers) return;
    this.#followers = undefined;
    const { links } = followers;
    links.delete(this);
    if (links.size > 0) return;
    const { parent, onAbort } = followers;
    parent.removeEventListener("abort", onAbort);
    followersOf.delete(parent);
  };
}
