import { InvalidInputError } from "../errors/friendli-error.ts";
import type { BodyInput } from "../transport/web-types.ts";

/** What the fetch client's Request keeps of its init, strongly, for the transport. */
export interface KeptParts {
  /** The caller's own signal, to pass to fetch directly. */
  signal: AbortSignal | undefined;
  /** The serialized body as openapi-fetch built it, to send again on a retry. */
  body: BodyInput | null | undefined;
}

const kept = new WeakMap<Request, KeptParts>();
let KeepingRequest: typeof Request | undefined;

/**
 * A Request class for openapi-fetch's `Request` option that keeps the caller's signal and
 * the serialized body beside the Request, for the transport to hand fetch itself. The
 * signal never reaches the Request: a Request follows its signal with a listener that stays
 * until the Request is garbage collected (and Node's lets go of it too early), so calls on
 * one signal would pile listeners up. `request.signal` still reads the caller's signal, and a
 * Request an openapi-fetch middleware builds from one of these (openapi-fetch takes only
 * this class) keeps its parts. Made on first use: a class that extends a global at module
 * level would stay in every bundle.
 */
export function keepingRequestClass(): typeof Request {
  KeepingRequest ??= class FriendliFetchRequest extends Request {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      const from = input instanceof Request ? kept.get(input) : undefined;
      refuseCredentials(input);
      try {
        super(input, init?.signal ? { ...init, signal: null } : init);
      } catch (cause) {
        throw new InvalidInputError("the fetch client could not build a request from its input", { cause });
      }
      kept.set(this, {
        signal: init?.signal ?? from?.signal,
        body: init?.body !== undefined ? init.body : from?.body,
      });
    }

    override get signal(): AbortSignal {
      return kept.get(this)?.signal ?? super.signal;
    }
  };
  return KeepingRequest;
}

/**
 * openapi-fetch's `Request` option for a client: a real Request of `keepingRequestClass`
 * whenever code of the caller's may see it (`callerSees()`), else only the parts the
 * transport reads, with no Request built (a Request copies its body into a stream and follows
 * a signal of its own; no one would read either). The URL is still parsed and normalized as
 * a Request would, and what a light request cannot hold as a Request would goes the long way.
 */
export function requestFactory(callerSees: () => boolean): typeof Request {
  const Keeping = keepingRequestClass();
  function FriendliFetchRequest(input: RequestInfo | URL, init?: RequestInit) {
    return (!callerSees() && lightRequest(input, init)) || new Keeping(input, init);
  }
  // openapi-fetch takes a middleware's Request only if it is `instanceof` this option.
  FriendliFetchRequest.prototype = Keeping.prototype;
  return FriendliFetchRequest as unknown as typeof Request;
}

/** The parts of a plain JSON or bodiless request, or undefined when it needs a real Request. */
function lightRequest(input: RequestInfo | URL, init: RequestInit | undefined): Request | undefined {
  if (typeof input !== "string" || !(init?.headers instanceof Headers)) return;
  // Anything else (a cache mode, a window...) is for a Request to check, as it always did.
  for (const key in init) if (!/^(method|headers|body|signal|redirect)$/.test(key)) return;
  const { method = "", headers, body, signal } = init;
  if (!/^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/.test(method) || (init.redirect ?? "follow") !== "follow") return;
  if (signal != null && !(signal instanceof AbortSignal)) return;
  // A Request adds a content type to a body without one, and refuses a body on GET or HEAD.
  if (body !== undefined && (typeof body !== "string" || !headers.has("content-type") || /^[GH]/.test(method))) return;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return; // the Request says what is wrong
  }
  refuseCredentials(input);
  const parts = { url: url.href, method, headers, signal: signal ?? undefined, body };
  kept.set(parts as unknown as Request, parts);
  return parts as unknown as Request;
}

/**
 * A URL with a user name or password (a per-call `baseUrl` can bring one) is bad input,
 * named without them: fetch's own error would quote them.
 */
function refuseCredentials(input: RequestInfo | URL): void {
  const text = typeof input === "string" ? input : input instanceof URL ? input.href : "";
  if (!text.includes("@")) return;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return; // the Request constructor says what is wrong
  }
  if (url.username || url.password) {
    throw new InvalidInputError(`${url.origin}${url.pathname}: a URL may not carry a user name or password`);
  }
}

/** The parts a request of `keepingRequestClass` kept; undefined for any other Request. */
export function keptParts(request: Request): KeptParts | undefined {
  return kept.get(request);
}
