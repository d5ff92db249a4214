import { APIConnectionError, APITimeoutError, APIUserAbortError } from "../errors/connection-errors.ts";
import { createApiError } from "../errors/create-api-error.ts";
import { isIdempotent } from "../operations/is-idempotent.ts";
import type { ResolvedClientOptions } from "./client-options.ts";
import { combineSignals } from "./combine-signals.ts";
import { readErrorBody } from "./read-error-body.ts";
import { redact } from "./redact.ts";
import { type AttemptOutcome, networkErrorCode, shouldRetry, wasNeverSent } from "./retry-decision.ts";
import { retryDelay } from "./retry-delay.ts";
import { sleep } from "./sleep.ts";

/** A fetch with the SDK's behaviour: what openapi-fetch and the stream helpers call. */
export type TransportFetch = (request: Request) => Promise<Response>;

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

/**
 * Wraps fetch with auth and team headers, a per-attempt timeout, retries with backoff,
 * and typed errors. A non-2xx answer never resolves: it throws an APIError subclass.
 * Non-stream bodies are read inside the timeout; a stream is handed over once its
 * headers arrive, and from then on it is never retried.
 */
export function createTransportFetch(options: ResolvedClientOptions): TransportFetch {
  const apiOrigin = new URL(options.baseURL).origin;
  const basePath = new URL(options.baseURL).pathname.replace(/\/$/, "");
  const { logger } = options;

  const prepareHeaders = (request: Request): Headers => {
    const headers = new Headers(options.defaultHeaders);
    for (const [key, value] of request.headers) headers.set(key, value);
    // The token goes to the configured API only, never to another host the caller names.
    if (options.token && new URL(request.url).origin === apiOrigin && !headers.has("authorization")) {
      headers.set("authorization", `Bearer ${options.token}`);
    }
    if (options.teamId && !headers.has("x-friendli-team")) headers.set("x-friendli-team", options.teamId);
    return headers;
  };

  return async function transportFetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const label = `${request.method} ${url.pathname}`;
    const operationPath = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname;
    const idempotent = options.retryNonIdempotent || isIdempotent(request.method, operationPath);
    const streaming = request.headers.get("accept")?.includes("text/event-stream") ?? false;
    const headers = prepareHeaders(request);
    const userSignal = request.signal;

    for (let attempt = 0; ; attempt++) {
      const canRetry = attempt < options.maxRetries;
      const timeout = new AbortController();
      const timer = options.timeout > 0 ? setTimeout(() => timeout.abort(), options.timeout) : undefined;
      const signal = combineSignals([userSignal, timeout.signal]);
      const started = Date.now();
      let outcome: AttemptOutcome;
      let failure: Error;
      let retryHeaders: Headers | undefined;

      try {
        logger.debug(`friendli: -> ${label}${attempt ? ` (retry ${attempt})` : ""}`);
        // Keep the original unconsumed while another attempt may need its body.
        const body = canRetry ? request.clone() : request;
        const response = await options.fetch(new Request(body, { headers, signal }));
        logger.debug(`friendli: <- ${response.status} ${label} in ${Date.now() - started} ms`);

        if (response.ok) {
          if (streaming || NULL_BODY_STATUS.has(response.status)) return response;
          const buffered = await response.arrayBuffer();
          return new Response(buffered, {
            status: response.status,
            statusText: response.statusText,
            headers: response.headers,
          });
        }
        const errorBody = await readErrorBody(response);
        failure = createApiError({
          status: response.status,
          headers: response.headers,
          body: options.token ? JSON.parse(redact(JSON.stringify(errorBody), options.token)) : errorBody,
          method: request.method,
          url: request.url,
        });
        outcome = { kind: "status", status: response.status };
        retryHeaders = response.headers;
      } catch (error) {
        if (userSignal.aborted) throw new APIUserAbortError(undefined, { cause: userSignal.reason });
        if (timeout.signal.aborted) {
          failure = new APITimeoutError(`${label} timed out after ${options.timeout} ms`);
          outcome = { kind: "timeout" };
        } else {
          const code = networkErrorCode(error);
          failure = new APIConnectionError(
            `${label} failed: could not get an answer from ${url.origin}${code ? ` (${code})` : ""}`,
            { cause: error },
          );
          outcome = { kind: "connection", sent: !wasNeverSent(error) };
        }
      } finally {
        clearTimeout(timer);
      }

      if (!canRetry || !shouldRetry(outcome, idempotent)) throw failure;
      const delay = retryDelay(attempt, options, retryHeaders);
      logger.warn(
        `friendli: ${label}: ${failure.message}; retrying in ${delay} ms (${attempt + 1}/${options.maxRetries})`,
      );
      try {
        await sleep(delay, userSignal);
      } catch (reason) {
        throw new APIUserAbortError(undefined, { cause: reason });
      }
    }
  };
}
