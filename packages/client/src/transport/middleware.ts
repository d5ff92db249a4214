import type { Logger } from "./logger.ts";

/** What a middleware hook is told about one attempt. */
export interface MiddlewareContext {
  /** The request about to be sent (a fresh copy for each attempt). */
  request: Request;
  /** The spec path the call was made with (`/beta/dataset/{dataset_id}`), or undefined for `client.fetch`. */
  schemaPath: string | undefined;
  /** The spec's operationId, when the call went through a spec path. */
  operationId: string | undefined;
  /** A unique id of the call, the same across its attempts. */
  id: string;
  /** 0 for the first attempt, then 1, 2, ... */
  attempt: number;
  /** The client's logger, at the client's `logLevel`. */
  logger: Logger;
}

/**
 * Hooks around each attempt, in the shape of openapi-fetch's middleware: `onRequest` may
 * return a new Request to send instead, `onResponse` a new Response to use instead.
 * Requests carry the token: a middleware that logs them must leave `authorization` out.
 */
// `void` so that a hook that only looks (returns nothing) type-checks.
export interface Middleware {
  // biome-ignore lint/suspicious/noConfusingVoidType: a hook may return nothing
  onRequest?(context: MiddlewareContext): Request | void | Promise<Request | void>;
  // biome-ignore lint/suspicious/noConfusingVoidType: a hook may return nothing
  onResponse?(context: MiddlewareContext & { response: Response }): Response | void | Promise<Response | void>;
}
