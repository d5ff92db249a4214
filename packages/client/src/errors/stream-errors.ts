import { FriendliError } from "./friendli-error.ts";

/** The server sent an error event in the middle of a stream. */
export class StreamEventError extends FriendliError {
  override name = "StreamEventError";
  /** The parsed error payload as the server sent it. */
  declare readonly error: unknown;
  declare readonly requestId: string | null;
  constructor(message: string, error: unknown, requestId: string | null) {
    super(message);
    this.error = error;
    this.requestId = requestId;
  }
}

/** The stream ended before it was complete: a cut connection, or a half-sent event. */
export class StreamInterruptedError extends FriendliError {
  override name = "StreamInterruptedError";
  declare readonly requestId: string | null;
  constructor(message: string, requestId: string | null, options?: { cause?: unknown }) {
    super(message, options);
    this.requestId = requestId;
  }
}

/** An event's data was not the JSON it should be. */
export class StreamParseError extends FriendliError {
  override name = "StreamParseError";
  /** The raw `data:` text, cut to 200 characters. */
  declare readonly data: string;
  constructor(message: string, data: string, options?: { cause?: unknown }) {
    super(message, options);
    this.data = data.slice(0, 200);
  }
}
