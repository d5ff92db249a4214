import { type CallOptions, InvalidInputError } from "@friendli-ts/client";
import type { CallCore } from "@friendli-ts/client/internal";
import type { fileOperations } from "./file-operations.ts";
import { postToStorage } from "./post-to-storage.ts";
import { sha256Hex } from "./sha256-hex.ts";
import type { FileInfo } from "./spec-types.ts";

export type UploadData = Blob | ArrayBuffer | ArrayBufferView;

export interface UploadFileOptions extends CallOptions {
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
  core: CallCore;
  files: ReturnType<typeof fileOperations>;
}

/**
 * Uploads one file: digest, init upload, the storage POST (skipped when the API already
 * holds these bytes), complete upload, then the file's info. The call options go whole to
 * each API request; the storage POST takes their signal, timeout and retries only.
 */
export async function uploadFile(
  context: UploadFileContext,
  data: UploadData,
  options: UploadFileOptions,
): Promise<UploadedFile> {
  if (!options.name) throw new InvalidInputError("files.upload needs a file `name`");
  if (!options.projectId) throw new InvalidInputError("files.upload needs a `projectId`");
  const blob = toBlob(data);
  // Web Crypto has no streaming digest: bytes given are hashed as they are, a Blob is read once.
  const digest = `sha256:${await sha256Hex(data instanceof Blob ? await blob.arrayBuffer() : bytesOf(data))}`;
  const init = await context.files.initUpload(
    { name: options.name, size: blob.size, digest, projectId: options.projectId },
    options,
  );
  const sentToStorage = typeof init.uploadUrl === "string";
  if (typeof init.uploadUrl === "string") {
    const post = { url: init.uploadUrl, fields: init.aws, file: blob, fileName: options.name, fileId: init.fileId };
    await postToStorage(context.core, post, options);
  }
  await context.files.completeUpload(init.fileId, options);
  const info = await context.files.getInfo(init.fileId, options);
  return { fileId: init.fileId, digest, size: blob.size, sentToStorage, info };
}

function toBlob(data: UploadData): Blob {
  return data instanceof Blob ? data : new Blob([bytesOf(data)]);
}

/** A view on the bytes given, without copying them. */
function bytesOf(data: ArrayBuffer | ArrayBufferView): Uint8Array<ArrayBuffer> {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer as ArrayBuffer, data.byteOffset, data.byteLength);
  throw new InvalidInputError("files.upload takes a Blob, an ArrayBuffer or a typed array");
}
