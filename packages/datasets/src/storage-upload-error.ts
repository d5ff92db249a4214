import { FriendliError } from "@friendli-ts/client";

/**
 * The storage server (the presigned URL) refused or never took the file, or the upload URL
 * init upload answered was unusable. It carries the file id from init upload, so the caller
 * can retry, inspect, or report it; `cause` holds the client's error (an `APIError` with the
 * storage answer, an `APIConnectionError` or `APITimeoutError`) when a request was made.
 */
export class StorageUploadError extends FriendliError {
  override name = "StorageUploadError";
  readonly fileId: string;
  /** The storage answer's status, or null when no answer came (connection error, timeout, bad URL). */
  readonly status: number | null;
  /** The start of the storage answer's body (S3 answers in XML), when there was one. */
  readonly body: string | null;

  constructor(message: string, init: { fileId: string; status: number | null; body?: string | null; cause?: unknown }) {
    super(message, { cause: init.cause });
    this.fileId = init.fileId;
    this.status = init.status;
    this.body = init.body ?? null;
  }
}
