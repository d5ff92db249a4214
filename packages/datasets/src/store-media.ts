import { type CallOptions, FriendliError } from "@friendli-ts/client";
import { decodeDataUrl } from "./decode-data-url.ts";
import type { UploadData, UploadedFile } from "./upload-file.ts";
import type { MediaRef } from "./validate-sample.ts";

export interface MediaStore {
  /** Stores bytes through the file API (`files.upload`). */
  upload(data: UploadData, name: string, options: CallOptions): Promise<UploadedFile>;
  s3Uri(fileId: string, options: CallOptions): Promise<string>;
  /**
   * Downloads http(s) media through the client's plain fetch: its timeout, retries and typed
   * errors, and no Friendli credentials or API headers sent to third-party hosts.
   */
  download(url: string, options: CallOptions): Promise<Response>;
}

export interface StoredMedia {
  uri: string;
  /** Bytes sent to storage (0 when the API already held the file). */
  bytes: number;
}

/**
 * Puts one media item into Friendli storage and gives its storage URI: a data URL is
 * decoded, an http(s) URL downloaded, then both go through the file API.
 */
export async function storeMedia(ref: MediaRef, store: MediaStore, options: CallOptions): Promise<StoredMedia> {
  let data: Uint8Array<ArrayBuffer> | Blob;
  let name: string;
  if (ref.url.startsWith("data:")) {
    const decoded = decodeDataUrl(ref.url);
    if ("error" in decoded) throw new FriendliError(`the data URL ${decoded.error}`);
    data = decoded.bytes;
    name = `${ref.modality.toLowerCase()}.${extension(decoded.mediaType)}`;
  } else {
    const response = await store.download(ref.url, options);
    data = await response.blob();
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
