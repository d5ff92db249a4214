import { MiddlewareError, type MiddlewareHook } from "../errors/middleware-error.ts";
import type { Route } from "../operations/route.ts";
import type { ResolvedClientOptions } from "./client-options.ts";
import type { Logger } from "./logger.ts";
import type { MiddlewareContext } from "./middleware.ts";
import { redactingLogger } from "./redact.ts";
import { untilAborted } from "./until-aborted.ts";

/** What one attempt tells the hooks besides its request. */
export interface AttemptContext {
  route: Route | undefined;
  /** The call's id, the same across its attempts. */
  id: string;
  attempt: number;
  /** The call's token: what the hooks log goes out without it. */
  secret: string | null;
}

/**
 * One fetch through the client's middleware: each `onRequest` may replace the Request, each
 * `onResponse` the Response. The attempt's signal (timeout and caller) goes to fetch beside
 * the Request, never inside it, so it holds under garbage collection.
 */
export async function fetchWithMiddleware(
  options: Pick<ResolvedClientOptions, "fetch" | "middleware" | "logger">,
  target: string,
  init: RequestInit,
  attempt: AttemptContext,
): Promise<Response> {
  const { middleware } = options;
  const { signal, ...rest } = init;
  // The attempt's own signal (timeout and caller): hooks are waited on no longer than it.
  const attemptSignal = signal as AbortSignal;
  let current = new Request(target, rest);
  // What middleware logs (the drift check quotes request ids) goes out redacted too.
  const logger: Logger = redactingLogger(options.logger, attempt.secret);
  const context: Omit<MiddlewareContext, "request"> = {
    schemaPath: attempt.route?.path,
    operationId: attempt.route?.id,
    id: attempt.id,
    attempt: attempt.attempt,
    logger,
  };
  for (const [index, m] of middleware.entries()) {
    if (!m.onRequest) continue;
    const request = current;
    const replaced = await runHook("onRequest", index, attemptSignal, () => m.onRequest?.({ ...context, request }));
    if (replaced instanceof Request) current = replaced;
  }
  const fetched = await options.fetch(current, { signal: attemptSignal, redirect: init.redirect ?? "follow" });
  let response = fetched;
  try {
    for (const [index, m] of middleware.entries()) {
      if (!m.onResponse) continue;
      const answer = response;
      const replaced = await runHook("onResponse", index, attemptSignal, () =>
        m.onResponse?.({ ...context, request: current, response: answer }),
      );
      if (replaced instanceof Response) response = replaced;
    }
  } catch (error) {
    // Whatever a hook left unread is let go, the fetched body and any replacement.
    for (const body of new Set([fetched.body, response.body])) await body?.cancel().catch(() => {});
    throw error;
  }
  return response;
}

/**
 * One middleware hook, waited on within the attempt's signal. What it throws becomes a
 * MiddlewareError (never retried); an abort while it runs stays the timeout or the
 * caller's abort it is.
 */
async function runHook<T>(hook: MiddlewareHook, index: number, signal: AbortSignal, run: () => T): Promise<Awaited<T>> {
  try {
    return await untilAborted(run(), signal);
  } catch (error) {
    if (signal.aborted) throw error;
    const what = error instanceof Error ? error.message : String(error);
    throw new MiddlewareError(`middleware ${index} ${hook} failed: ${what}`, { hook, index }, { cause: error });
  }
}
