import { APIUserAbortError, combineSignals, sleep } from "@friendli-ts/client";
import { StorageUploadError } from "./storage-upload-error.ts";

export interface StorageRetryOptions {
  /** Retries after a 5xx, a timeout or a connection error. Default 3. */
  storageRetries?: number;
  /** First backoff delay in ms, doubled each retry. Default 500. */
  storageRetryDelayMs?: number;
  /** Per-attempt timeout in ms. Default 120000. */
  storageTimeoutMs?: number;
}

export interface StoragePost extends StorageRetryOptions {
  url: string;
  /** The form fields init upload returned (`aws`): they carry the presigned policy. */
  fields: Record<string, unknown> | null | undefined;
  file: Blob;
  fileName: string;
  fileId: string;
  /** Plain fetch: never the API client's, so neither the token nor the team header can leak. */
  fetch: typeof fetch;
  signal?: AbortSignal | undefined;
}

/**
 * POSTs a file to a presigned storage URL as an HTML-form upload: the policy fields first,
 * the file last (S3 ignores fields after the file). Retries 5xx answers and failed
 * connections; any other refusal is a StorageUploadError at once.
 */
export async function postToStorage(post: StoragePost): Promise<void> {
  const retries = post.storageRetries ?? 3;
  const baseDelay = post.storageRetryDelayMs ?? 500;
  for (let attempt = 0; ; attempt++) {
    const outcome = await attemptPost(post);
    if (outcome.ok) return;
    if (!outcome.retryable || attempt >= retries) throw outcome.error;
    await sleep(baseDelay * 2 ** attempt * (0.5 + Math.random() / 2), post.signal).catch((cause: unknown) => {
      throw new APIUserAbortError(undefined, { cause });
    });
  }
}

type Outcome = { ok: true } | { ok: false; retryable: boolean; error: Error };

async function attemptPost(post: StoragePost): Promise<Outcome> {
  if (post.signal?.aborted) throw new APIUserAbortError(undefined, { cause: post.signal.reason });
  const form = new FormData();
  for (const [key, value] of Object.entries(post.fields ?? {})) {
    if (value === null || value === undefined) continue;
    form.append(key, typeof value === "string" ? value : JSON.stringify(value));
  }
  form.append("file", post.file, post.fileName);

  const timeout = AbortSignal.timeout(post.storageTimeoutMs ?? 120_000);
  const signal = combineSignals([post.signal, timeout]);
  let response: Response;
  try {
    response = await post.fetch(post.url, { method: "POST", body: form, signal });
  } catch (cause) {
    if (post.signal?.aborted) throw new APIUserAbortError(undefined, { cause });
    const reason = timeout.aborted ? "timed out" : "could not connect";
    const error = new StorageUploadError(`storage upload of file ${post.fileId} ${reason}: ${describe(cause)}`, {
      fileId: post.fileId,
      status: null,
      cause,
    });
    return { ok: false, retryable: true, error };
  }
  if (response.ok) {
    await response.body?.cancel();
    return { ok: true };
  }
  const body = (await response.text().catch(() => "")).slice(0, 2000);
  const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
  const detail = /<Message>([^<]*)<\/Message>/.exec(body)?.[1];
  const what = [code, detail].filter(Boolean).join(": ");
  const error = new StorageUploadError(
    `storage refused the upload of file ${post.fileId} with ${response.status}${what ? ` (${what})` : ""}`,
    { fileId: post.fileId, status: response.status, body },
  );
  return { ok: false, retryable: response.status >= 500, error };
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : "";
    return `${cause.message}${inner}`;
  }
  return String(cause);
}
