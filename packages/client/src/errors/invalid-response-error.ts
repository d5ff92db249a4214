import { FriendliError } from "./friendli-error.ts";

/** A success status whose body is not what the operation promises (empty, not JSON, an HTML page). */
export class InvalidResponseError extends FriendliError {
  override name = "InvalidResponseError";
  declare readonly status: number;
  declare readonly headers: Headers;
  declare readonly requestId: string | null;
  /** The first 200 characters of the body. */
  declare readonly bodyStart: string;

  constructor(
    message: string,
    init: { status: number; headers: Headers; body: string },
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.status = init.status;
    this.headers = init.headers;
    this.requestId = init.headers.get("x-request-id") ?? init.headers.get("x-friendli-request-id");
    this.bodyStart = init.body.slice(0, 200);
  }
}
