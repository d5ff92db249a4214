import { InvalidInputError } from "@friendli-ts/client";
import type { fileOperations } from "./file-operations.ts";
import { postToStorage, type StorageRetryOptions } from "./post-to-storage.ts";
import { sha256Hex } from "./sha256-hex.ts";
import type { FileInfo, RequestOptions } from "./spec-types.ts";

export type UploadData = Blob | ArrayBuffer | ArrayBufferView;

export interface UploadFileOptions extends RequestOptions, StorageRetryOptions {
  name: string;
  projectId: string;
}

export interface UploadedFile {
  fileId: string;
  /** `sha256:<hex>`, as sent to init upload. */
  digest: string;
  size: number;
  /** `false` when the API already had these bytes (no upload URL) and storage was skipped. */
  sentToStorage: boolean;
  /** The file info the API reports once the upload is complete. */
  info: FileInfo;
}

export interface UploadFileContext {
  files: ReturnType<typeof fileOperations>;
  /** The fetch for storage: plain, never the API client's. */
  storageFetch: typeof fetch;
  defaults?: StorageRetryOptions;
}

/**
 * Uploads one file: digest, init upload, the storage POST (skipped when the API already
 * holds these bytes), complete upload, then the file's info.
 */
export async function uploadFile(
  context: UploadFileContext,
  data: UploadData,
  options: UploadFileOptions,
): Promise<UploadedFile> {
  if (!options.name) throw new InvalidInputError("files.upload needs a file `name`");
  if (!options.projectId) throw new InvalidInputError("files.upload needs a `projectId`");
  const blob = toBlob(data);
  // Web Crypto has no streaming digest, so the bytes are read once into memory.
  const digest = `sha256:${await sha256Hex(await blob.arrayBuffer())}`;
  const request = { signal: options.signal, teamId: options.teamId };
  const init = await context.files.initUpload(
    { name: options.name, size: blob.size, digest, projectId: options.projectId },
    request,
  );
  const sentToStorage = typeof init.uploadUrl === "string";
  if (typeof init.uploadUrl === "string") {
    await postToStorage({
      ...context.defaults,
      ...pickRetryOptions(options),
      url: init.uploadUrl,
      fields: init.aws,
      file: blob,
      fileName: options.name,
      fileId: init.fileId,
      fetch: context.storageFetch,
      signal: options.signal,
    });
  }
  await context.files.completeUpload(init.fileId, request);
  const info = await context.files.getInfo(init.fileId, request);
  return { fileId: init.fileId, digest, size: blob.size, sentToStorage, info };
}

function toBlob(data: UploadData): Blob {
  if (data instanceof Blob) return data;
  if (data instanceof ArrayBuffer) return new Blob([data]);
  if (ArrayBuffer.isView(data)) {
    return new Blob([new Uint8Array(data.buffer as ArrayBuffer, data.byteOffset, data.byteLength)]);
  }
  throw new InvalidInputError("files.upload takes a Blob, an ArrayBuffer or a typed array");
}

function pickRetryOptions(options: StorageRetryOptions): StorageRetryOptions {
  const picked: StorageRetryOptions = {};
  if (options.storageRetries !== undefined) picked.storageRetries = options.storageRetries;
  if (options.storageRetryDelayMs !== undefined) picked.storageRetryDelayMs = options.storageRetryDelayMs;
  if (options.storageTimeoutMs !== undefined) picked.storageTimeoutMs = options.storageTimeoutMs;
  return picked;
}
