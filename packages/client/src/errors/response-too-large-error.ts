import { FriendliError } from "./friendli-error.ts";

/**
 * A server sent more than a cap allows (an answer, one stream event, a media file, a JSONL
 * line). Reading stopped at the cap and the body was cancelled, so nothing past it is held.
 */
export class ResponseTooLargeError extends FriendliError {
  override name = "ResponseTooLargeError";
  /** The cap that was passed, in bytes. */
  readonly limit: number;
  /** What was being read, e.g. `the answer to GET /v1/files` or `one event of the stream`. */
  readonly reading: string;

  constructor(reading: string, limit: number, options?: { cause?: unknown }) {
    super(`${reading} is larger than the ${limit}-byte limit; reading stopped there`, options);
    this.reading = reading;
    this.limit = limit;
  }
}
