import { type CallOptions, FriendliError } from "@friendli-ts/client";
import { readBodyCapped } from "@friendli-ts/client/internal";
import { decodeDataUrl } from "./decode-data-url.ts";
import type { UploadData, UploadedFile } from "./file-operations.ts";
import type { MediaRef } from "./validate-sample.ts";

export interface MediaStore {
  /** Stores bytes through the file API (`files.upload`). */
  upload(data: UploadData, name: string, options: CallOptions): Promise<UploadedFile>;
  s3Uri(fileId: string, options: CallOptions): Promise<string>;
  /**
   * Downloads http(s) media through the client's plain fetch: its timeout, retries and typed
   * errors, and no Friendli credentials or API headers sent to third-party hosts. More than
   * `maxBytes` is a ResponseTooLargeError, and the body is cancelled.
   */
  download(url: string, options: CallOptions, maxBytes: number): Promise<Response>;
}

export interface StoredMedia {
  uri: string;
  /** Bytes sent to storage (0 when the API already held the file). */
  bytes: number;
}

/** Bytes one downloaded media file may have unless `maxMediaBytes` says otherwise: 100 MiB. */
export const DEFAULT_MAX_MEDIA_BYTES = 100 * 1024 * 1024;

/**
 * Puts one media item into Friendli storage and gives its storage URI: a data URL is
 * decoded, an http(s) URL downloaded (to `maxBytes` at most), then both go through the file API.
 */
export async function storeMedia(
  ref: MediaRef,
  store: MediaStore,
  options: CallOptions,
  maxBytes = DEFAULT_MAX_MEDIA_BYTES,
): Promise<StoredMedia> {
  let data: Uint8Array<ArrayBuffer> | Blob;
  let name: string;
  if (ref.url.startsWith("data:")) {
    const decoded = decodeDataUrl(ref.url);
    if ("error" in decoded) throw new FriendliError(`the data URL ${decoded.error}`);
    data = decoded.bytes;
    name = `${ref.modality.toLowerCase()}.${extension(decoded.mediaType)}`;
  } else {
    const response = await store.download(ref.url, options, maxBytes);
    // The downloaded bytes as they are (no copy into a Blob): the upload reads them once.
    ({ bytes: data } = await readBodyCapped(response, maxBytes, { reading: "the media file" }));
    name = fileName(ref.url) || ref.modality.toLowerCase();
  }
  const file = await store.upload(data, name, options);
  // Bytes count as uploaded only when they went to storage, not when the API already had them.
  return { uri: await store.s3Uri(file.fileId, options), bytes: file.sentToStorage ? file.size : 0 };
}

function fileName(url: string): string {
  const last = new URL(url).pathname.split("/").pop() ?? "";
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function extension(mediaType: string): string {
  const sub = mediaType.split("/")[1] ?? "bin";
  return sub.replace(/[^a-z0-9.+-]/gi, "") || "bin";
}
