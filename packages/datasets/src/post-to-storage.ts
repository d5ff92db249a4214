import { APIConnectionError, APIError, type CallOptions } from "@friendli-ts/client";
import { type CallCore, makeRequest } from "@friendli-ts/client/internal";
import { StorageUploadError } from "./storage-upload-error.ts";

export interface StoragePost {
  url: string;
  /** The form fields init upload returned (`aws`): they carry the presigned policy. */
  fields: Record<string, unknown> | null | undefined;
  file: Blob;
  fileName: string;
  fileId: string;
}

/**
 * POSTs a file to a presigned storage URL as an HTML-form upload: the policy fields first,
 * the file last (S3 ignores fields after the file). It goes through the client's plain
 * fetch: its fetch, timeout, retries and backoff, and neither the token, the team nor any
 * API header. A failure is a StorageUploadError carrying the file id.
 */
export async function postToStorage(core: CallCore, post: StoragePost, options?: CallOptions): Promise<void> {
  const url = checkStorageUrl(post);
  const form = new FormData();
  for (const [key, value] of Object.entries(post.fields ?? {})) {
    if (value === null || value === undefined) continue;
    form.append(key, typeof value === "string" ? value : JSON.stringify(value));
  }
  form.append("file", post.file, post.fileName);
  let response: Response;
  try {
    // A presigned POST writes one object under one key: sending it again is harmless.
    const call = { url, method: "POST", body: form, plain: true, retrySafe: true };
    response = await makeRequest(core, call, options);
  } catch (error) {
    throw toStorageUploadError(error, post.fileId);
  }
  await response.body?.cancel();
}

/** The upload URL comes from the API's answer: one that is not http(s) fails here, before any request. */
function checkStorageUrl(post: StoragePost): string {
  let protocol: string | undefined;
  try {
    protocol = new URL(post.url).protocol;
  } catch {
    // not a URL at all
  }
  if (protocol !== "http:" && protocol !== "https:") {
    throw new StorageUploadError(
      `init upload of file ${post.fileId} answered an upload URL that is not an http(s) URL: ${JSON.stringify(post.url.slice(0, 200))}`,
      { fileId: post.fileId, status: null },
    );
  }
  return post.url;
}

/** The client's error for a refused or failed storage request, as a StorageUploadError; an abort stays an abort. */
function toStorageUploadError(error: unknown, fileId: string): unknown {
  if (error instanceof APIError) {
    const body = typeof error.body === "string" ? error.body : error.body == null ? "" : JSON.stringify(error.body);
    const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
    const detail = /<Message>([^<]*)<\/Message>/.exec(body)?.[1];
    const what = [code, detail].filter(Boolean).join(": ");
    return new StorageUploadError(
      `storage refused the upload of file ${fileId} with ${error.status}${what ? ` (${what})` : ""}`,
      { fileId, status: error.status, body: body.slice(0, 2000) || null, cause: error },
    );
  }
  if (error instanceof APIConnectionError) {
    return new StorageUploadError(`storage upload of file ${fileId} failed: ${error.message}`, {
      fileId,
      status: null,
      cause: error,
    });
  }
  return error;
}
