import { FriendliError } from "./friendli-error.ts";

/** No usable answer came back: the connection failed, was reset, or closed early. */
export class APIConnectionError extends FriendliError {
  override name = "APIConnectionError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The request took longer than the configured timeout. */
export class APITimeoutError extends APIConnectionError {
  override name = "APITimeoutError";
}

/** The caller's AbortSignal fired, or the caller stopped reading a stream. */
export class APIUserAbortError extends FriendliError {
  override name = "APIUserAbortError";
  constructor(message = "The request was aborted.", options?: { cause?: unknown }) {
    super(message, options);
  }
}
