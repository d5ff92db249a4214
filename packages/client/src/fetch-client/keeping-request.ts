/** What the fetch client's Request keeps of its init, strongly, for the transport. */
export interface KeptParts {
  /** The caller's own signal, to pass to fetch directly. */
  signal: AbortSignal | undefined;
  /** The serialized body as openapi-fetch built it, to send again on a retry. */
  body: BodyInit | null | undefined;
}

const kept = new WeakMap<Request, KeptParts>();
let KeepingRequest: typeof Request | undefined;

/**
 * A Request class for openapi-fetch's `Request` option that remembers the caller's signal
 * and the serialized body. Node's Request follows its init signal only weakly, so one that
 * went through a Request can be lost to garbage collection; the transport takes the signal
 * from here and hands it to fetch itself. Made on first use: a class that extends a global
 * at module level would stay in every bundle.
 */
export function keepingRequestClass(): typeof Request {
  KeepingRequest ??= class FriendliFetchRequest extends Request {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(input, init);
      kept.set(this, { signal: init?.signal ?? undefined, body: init?.body });
    }
  };
  return KeepingRequest;
}

/** The parts a request of `keepingRequestClass` kept; undefined for any other Request (one a middleware made). */
export function keptParts(request: Request): KeptParts | undefined {
  return kept.get(request);
}
