import { type CallOptions, InvalidInputError } from "@friendli-ts/client";
import { type CallCore, redactError, requestData, secretOf } from "@friendli-ts/client/internal";
import { complete_upload, get_download_url, get_info, init_upload } from "@friendli-ts/client/routes";
import { postToStorage } from "./post-to-storage.ts";
import { sha256Hex } from "./sha256-hex.ts";
import type { FileInfo, InitUploadBody } from "./spec-types.ts";

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

const byId = (fileId: string) => ({ path: { file_id: fileId } });

/** The file API's four operations, one request each, and `upload`, the whole flow over them. */
export function fileOperations(core: CallCore) {
  const operations = {
    initUpload: (body: InitUploadBody, options?: CallOptions) =>
      requestData(core, "files.initUpload", { route: init_upload, body }, options),
    async completeUpload(fileId: string, options?: CallOptions): Promise<void> {
      await requestData(core, "files.completeUpload", { route: complete_upload, params: byId(fileId) }, options);
    },
    getInfo: (fileId: string, options?: CallOptions) =>
      requestData(core, "files.getInfo", { route: get_info, params: byId(fileId) }, options),
    getDownloadUrl: (fileId: string, options?: CallOptions) =>
      requestData(core, "files.getDownloadUrl", { route: get_download_url, params: byId(fileId) }, options),

    /**
     * Uploads one file: digest, init upload, the storage POST (skipped when the API already
     * holds these bytes), complete upload, then the file's info. The call options go whole to
     * each API request; the storage POST takes their signal, timeout and retries only.
     */
    async upload(data: UploadData, options: UploadFileOptions): Promise<UploadedFile> {
      if (!options.name) throw new InvalidInputError("files.upload needs a file `name`");
      if (!options.projectId) throw new InvalidInputError("files.upload needs a `projectId`");
      const blob = toBlob(data);
      // Web Crypto has no streaming digest: bytes given are hashed as they are, a Blob is read once.
      const digest = `sha256:${await sha256Hex(data instanceof Blob ? await blob.arrayBuffer() : bytesOf(data))}`;
      const { name, projectId } = options;
      const init = await operations.initUpload({ name, size: blob.size, digest, projectId }, options);
      const sentToStorage = typeof init.uploadUrl === "string";
      if (typeof init.uploadUrl === "string") {
        const post = { url: init.uploadUrl, fields: init.aws, file: blob, fileName: name, fileId: init.fileId };
        // The URL and the fields are the API's answer: an error that quotes them is redacted with the call's token.
        await postToStorage(core, post, options).catch((error: unknown) => {
          throw redactError(error, secretOf(init, core));
        });
      }
      await operations.completeUpload(init.fileId, options);
      const info = await operations.getInfo(init.fileId, options);
      return { fileId: init.fileId, digest, size: blob.size, sentToStorage, info };
    },
  };
  return operations;
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

/** The spec operations this file calls, by method name (collected in operation-methods.ts). */
export const fileMethods = {
  init_upload: "files.initUpload",
  complete_upload: "files.completeUpload",
  get_info: "files.getInfo",
  get_download_url: "files.getDownloadUrl",
} as const;
