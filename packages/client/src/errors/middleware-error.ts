import { FriendliError } from "./friendli-error.ts";

/** Which hook of a middleware failed. */
export type MiddlewareHook = "onRequest" | "onResponse";

/**
 * A middleware hook threw (or rejected): the SDK's own code and the server are not at
 * fault, so the call is not retried. `cause` is what the hook threw.
 */
export class MiddlewareError extends FriendliError {
  override name = "MiddlewareError";
  /** The hook that failed. */
  readonly hook: MiddlewareHook;
  /** The middleware's place in the client's `middleware` list, from 0. */
  readonly index: number;

  constructor(message: string, init: { hook: MiddlewareHook; index: number }, options?: { cause?: unknown }) {
    super(message, options);
    this.hook = init.hook;
    this.index = init.index;
  }
}
