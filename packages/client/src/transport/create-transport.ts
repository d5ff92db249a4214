import { APIError } from "../errors/api-error.ts";
import { APIConnectionError, APITimeoutError, APIUserAbortError } from "../errors/connection-errors.ts";
import { createApiError } from "../errors/create-api-error.ts";
import { FriendliError, InvalidInputError } from "../errors/friendli-error.ts";
import { MiddlewareError } from "../errors/middleware-error.ts";
import { ResponseTooLargeError } from "../errors/response-too-large-error.ts";
import { hasFlag, type Route } from "../operations/route.ts";
import { backoffDelay } from "./backoff-delay.ts";
import { checkToken } from "./check-header-value.ts";
import { quoteWithoutUserinfo, type ResolvedClientOptions } from "./client-options.ts";
import { type AttemptContext, fetchWithMiddleware } from "./fetch-with-middleware.ts";
import { followRedirects } from "./follow-redirects.ts";
import { isRedirect } from "./is-redirect.ts";
import { linkedAbort } from "./linked-abort.ts";
import { dropped } from "./logger.ts";
import { parseRetryAfter } from "./parse-retry-after.ts";
import { readBodyCapped, responseOfBytes } from "./read-body-capped.ts";
import { readErrorBody } from "./read-error-body.ts";
import { redact, redactError } from "./redact.ts";
import { type AttemptOutcome, describeOutcome, networkErrorCode, shouldRetry, wasNeverSent } from "./retry-decision.ts";
import { sleep } from "./sleep.ts";
import { untilAborted } from "./until-aborted.ts";
import { userAgentHeader } from "./user-agent-header.ts";
import type { OwnedBytes } from "./web-types.ts";

// Stateless when not streaming, so one decoder serves every answer.
const utf8 = /* @__PURE__ */ new TextDecoder();

/** A request body as it goes to fetch. Re-sendable: text, form data, a Blob or bytes. */
export type WireBody = string | FormData | Blob | ArrayBuffer | OwnedBytes | null;

/** One request as the typed layer hands it over. */
export interface OutgoingRequest {
  /** Upper case. */
  method: string;
  /** Absolute. */
  url: string;
  /** The call's own headers (accept, content type, the caller's), lower-case names. */
  headers: Record<string, string>;
  body?: WireBody | undefined;
  /** The spec route the call went through, if any. */
  route?: Route | undefined;
  /** The answer is an event stream: handed over at its headers, never retried after. */
  stream?: boolean;
  /**
   * Storage and media: any origin, no token, no team header, no default headers, redirects
   * followed. For presigned URLs and third-party downloads.
   */
  plain?: boolean;
  /** For a request outside the spec: whether a retry after the server may have acted is harmless. */
  retrySafe?: boolean;
  /** Bytes the success body may have (a media download's own cap). Default: the client's `maxResponseBytes`. */
  maxBytes?: number;
}

/** The per-call settings, already checked. */
export interface CallSettings {
  signal?: AbortSignal | undefined;
  timeout: number;
  maxRetries: number;
  teamId: string | null;
}

/** A success answer. `text` is the whole body of a non-stream answer, read within the timeout. */
export interface SentResponse {
  response: Response;
  text: string | undefined;
  /** Aborts the request (for a stream, the body being read). */
  controller: AbortController;
  /** Drops the listener on the caller's signal; a stream calls it when it ends. */
  release(): void;
  /** The token this call sent, to remove from errors built from the answer later. */
  secret: string | null;
}

export type Transport = (request: OutgoingRequest, call: CallSettings) => Promise<SentResponse>;

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);
let callCounter = 0;

/**
 * The SDK's one way to `fetch`: headers (token and team to the API origin only, and only
 * where the spec asks), a per-attempt timeout and the caller's signal passed to fetch
 * directly (never through a Request, whose signal Node can lose to garbage collection),
 * retries with one backoff and Retry-After, the retry table, typed errors with secrets
 * removed, redirects to another origin refused.
 */
export function createTransport(options: ResolvedClientOptions): Transport {
  const { baseURL, logger, middleware } = options;
  const apiOrigin = new URL(baseURL).origin;
  // The base URL is already origin + path without a trailing slash (client-options.ts).
  const basePath = baseURL.slice(apiOrigin.length);
  const apiPrefix = `${baseURL}/`;
  // Once per client: what every API request starts from.
  const baseHeaders = { ...userAgentHeader(), ...options.defaultHeaders };
  // Debug lines are built only when they are kept.
  const debug = logger.debug === dropped ? undefined : logger.debug;

  return async function send(request, call) {
    const { method, plain } = request;
    // A spec call's URL is the base URL and a path the client built: no need to parse it.
    let url: URL | undefined;
    if (plain || !request.url.startsWith(apiPrefix)) {
      try {
        url = new URL(request.url);
      } catch (cause) {
        throw new InvalidInputError(`${method} ${quoteWithoutUserinfo(request.url)}: not an absolute URL`, { cause });
      }
      // fetch refuses such a URL every time: bad input, not a connection to retry. Not quoted.
      if (url.username || url.password) {
        throw new InvalidInputError(
          `${method} ${url.origin}${url.pathname}: a URL may not carry a user name or password`,
        );
      }
    }
    const pathname = url ? url.pathname : pathOf(request.url.slice(apiOrigin.length));
    const label = `${method} ${pathname.startsWith(basePath) ? pathname.slice(basePath.length) || "/" : pathname}`;
    const toApi = !plain && (!url || url.origin === apiOrigin);
    const target = url ? url.href : request.url;
    // A token function is awaited within the call's limits; a token string needs no turn of the loop.
    const secret = plain ? null : typeof options.token === "function" ? await readToken(label, call) : options.token;
    const headers = buildHeaders(request, call, toApi, secret);
    const retrySafe =
      options.retryNonIdempotent ||
      (request.route ? hasFlag(request.route, "retrySafe") : (request.retrySafe ?? isSafeMethod(method)));
    const { signal, timeout, maxRetries } = call;
    const id = middleware.length ? `${++callCounter}` : "";

    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw new APIUserAbortError(undefined, { cause: signal.reason });
      const link = linkedAbort(signal, timeout);
      const { controller } = link;
      const started = debug ? Date.now() : 0;
      let handedOver = false;
      let outcome: AttemptOutcome;
      let failure: Error;
      let retryHeaders: Headers | undefined;
      try {
        debug?.(redact(`friendli: -> ${label}${attempt ? ` (retry ${attempt})` : ""}`, secret));
        const init: RequestInit = {
          method,
          headers,
          body: request.body ?? null,
          signal: controller.signal,
          redirect: toApi ? "manual" : "follow",
        };
        const context: AttemptContext = { route: request.route, id, attempt, secret };
        const fetchAgain = (to: string, again: RequestInit) => fetchOnce(to, again, context);
        let response = await fetchAgain(target, init);
        if (toApi && isRedirect(response)) {
          const redirected = { method, url: request.url, label, apiOrigin };
          response = await followRedirects(response, target, init, redirected, fetchAgain);
        }
        debug?.(redact(`friendli: <- ${response.status} ${label} in ${Date.now() - started} ms`, secret));
        if (response.ok) {
          let text: string | undefined;
          if (request.stream || NULL_BODY_STATUS.has(response.status)) {
            handedOver = true;
            link.clearDeadline();
            // Whoever reads the body releases the call when it ends; one dropped unread is
            // released when this Response is collected (a wrapper must keep it while it reads).
            if (response.body) link.endWhenCollected(response);
          } else {
            // Read within the timeout like any answer, and never past the cap.
            const limit = request.maxBytes ?? options.maxResponseBytes;
            const { bytes } = await readBodyCapped(response, limit, { reading: `the answer to ${label}` });
            // Storage and media bodies stay bytes; the rest is text.
            if (plain) response = responseOfBytes(bytes, response);
            else text = utf8.decode(bytes);
          }
          return { response, text, controller, release: link.dispose, secret };
        }
        failure = createApiError({
          status: response.status,
          headers: response.headers,
          body: await readErrorBody(response, options.maxErrorBodyBytes),
          method,
          url: request.url,
        });
        outcome = { kind: "status", status: response.status };
        retryHeaders = response.headers;
      } catch (error) {
        if (error instanceof APIError && error.status < 400) throw redactError(error, secret); // a refused redirect
        if (error instanceof MiddlewareError) {
          // The user's own code failed, not the network: no retry, and nothing left open.
          controller.abort();
          throw redactError(error, secret);
        }
        if (error instanceof ResponseTooLargeError) throw redactError(error, secret); // the same answer again would be too
        if (signal?.aborted) throw new APIUserAbortError(undefined, { cause: signal.reason });
        if (link.timedOut) {
          failure = new APITimeoutError(`${label} timed out after ${timeout} ms`);
          outcome = { kind: "timeout" };
        } else {
          const code = networkErrorCode(error);
          failure = new APIConnectionError(
            `${label} failed: could not get an answer from ${url?.origin ?? apiOrigin}${code ? ` (${code})` : ""}`,
            { cause: error },
          );
          outcome = { kind: "connection", sent: !wasNeverSent(error) };
        }
      } finally {
        if (!handedOver) link.dispose();
      }
      if (attempt >= maxRetries || !shouldRetry(outcome, retrySafe)) throw redactError(failure, secret);
      const asked = retryHeaders ? parseRetryAfter(retryHeaders) : undefined;
      const delay = asked !== undefined ? Math.min(asked, options.maxDelayMs) : backoffDelay(attempt, options);
      logger.info(
        redact(
          `friendli: ${label} ${describeOutcome(outcome, timeout)}; retry ${attempt + 1} of ${maxRetries} in ${delay} ms`,
          secret,
        ),
      );
      // Through a link, so calls backing off together still put one listener on a shared signal.
      const wait = linkedAbort(signal);
      try {
        await sleep(delay, wait.signal);
      } catch (reason) {
        throw new APIUserAbortError(undefined, { cause: reason });
      } finally {
        wait.dispose();
      }
    }
  };

  /**
   * The token, from a token function within the call's timeout and signal: a function that
   * never settles must not hold the call forever.
   */
  async function readToken(label: string, call: CallSettings): Promise<string | null> {
    const { token } = options;
    if (typeof token !== "function") return token;
    const { signal, timeout } = call;
    const link = linkedAbort(signal, timeout);
    try {
      return checkToken(await untilAborted(token(), link.signal));
    } catch (error) {
      if (signal?.aborted) throw new APIUserAbortError(undefined, { cause: signal.reason });
      if (link.timedOut) throw new APITimeoutError(`${label} timed out after ${timeout} ms waiting for the token`);
      if (error instanceof FriendliError) throw error;
      // The caller's own code failed: still one of ours, with what it threw as the cause.
      throw new InvalidInputError(`${label}: the token function failed, so nothing was sent`, { cause: error });
    } finally {
      link.dispose();
    }
  }

  function buildHeaders(
    request: OutgoingRequest,
    call: CallSettings,
    toApi: boolean,
    token: string | null,
  ): Record<string, string> {
    // Object.assign, not spread: V8 takes a slow path spreading one record over another (about 1 µs a call).
    if (request.plain) return Object.assign({}, request.headers);
    const headers: Record<string, string> = Object.assign({}, baseHeaders, request.headers);
    // The token and the team go to the configured API only, and only where the spec asks
    // for them (container routes and the model list take neither); a call outside the spec
    // to the API origin gets both.
    if (!toApi) {
      delete headers.authorization;
      delete headers["x-friendli-team"];
      return headers;
    }
    const { route } = request;
    if (token && (route ? hasFlag(route, "auth") : true) && !("authorization" in headers))
      headers.authorization = `Bearer ${token}`;
    if (call.teamId && (route ? hasFlag(route, "team") : true) && !("x-friendli-team" in headers)) {
      headers["x-friendli-team"] = call.teamId;
    }
    return headers;
  }

  /** One fetch, through the middleware when there is any. */
  function fetchOnce(target: string, init: RequestInit, context: AttemptContext): Promise<Response> {
    if (middleware.length === 0) return options.fetch(target, init);
    return fetchWithMiddleware(options, target, init, context);
  }
}

/** The path of an origin-relative URL, without its query and fragment (no regex split: it builds a RegExp per call). */
function pathOf(relative: string): string {
  const query = relative.indexOf("?");
  const hash = relative.indexOf("#");
  const end = query < 0 ? hash : hash < 0 ? query : Math.min(query, hash);
  return end < 0 ? relative : relative.slice(0, end);
}

function isSafeMethod(method: string): boolean {
  return method === "GET" || method === "HEAD" || method === "OPTIONS";
}
