import { FriendliError } from "@friendli-ts/client";
import type { SamplePosition } from "./sample-validation-error.ts";

/** A sample's media could not be fetched or stored; names the sample and the part. */
export class MediaUploadError extends FriendliError {
  override name = "MediaUploadError";
  readonly index: number;
  readonly line: number | undefined;
  readonly path: string;

  constructor(position: SamplePosition, path: string, cause: unknown) {
    const where = position.line === undefined ? `sample ${position.index}` : `line ${position.line}`;
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`${where} (${path}): media upload failed: ${reason}`, { cause });
    this.index = position.index;
    this.line = position.line;
    this.path = path;
  }
}
