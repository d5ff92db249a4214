import { FriendliError } from "@friendli-ts/client";
import { decodeDataUrl } from "./decode-data-url.ts";
import type { UploadData, UploadedFile } from "./upload-file.ts";
import type { MediaRef } from "./validate-sample.ts";

export interface MediaStore {
  upload(data: UploadData, name: string): Promise<UploadedFile>;
  s3Uri(fileId: string): Promise<string>;
  /** Plain fetch for http(s) media: no Friendli credentials go to third-party hosts. */
  fetch: typeof fetch;
  signal?: AbortSignal | undefined;
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
export async function storeMedia(ref: MediaRef, store: MediaStore): Promise<StoredMedia> {
  let data: Uint8Array<ArrayBuffer> | Blob;
  let name: string;
  if (ref.url.startsWith("data:")) {
    const decoded = decodeDataUrl(ref.url);
    if ("error" in decoded) throw new FriendliError(`the data URL ${decoded.error}`);
    data = decoded.bytes;
    name = `${ref.modality.toLowerCase()}.${extension(decoded.mediaType)}`;
  } else {
    const response = await store.fetch(ref.url, { signal: store.signal ?? null });
    if (!response.ok) {
      await response.body?.cancel();
      throw new FriendliError(`GET ${ref.url} answered ${response.status}`);
    }
    data = await response.blob();
    name = decodeURIComponent(new URL(ref.url).pathname.split("/").pop() || "") || ref.modality.toLowerCase();
  }
  const file = await store.upload(data, name);
  // Bytes count as uploaded only when they went to storage, not when the API already had them.
  return { uri: await store.s3Uri(file.fileId), bytes: file.sentToStorage ? file.size : 0 };
}

function extension(mediaType: string): string {
  const sub = mediaType.split("/")[1] ?? "bin";
  return sub.replace(/[^a-z0-9.+-]/gi, "") || "bin";
}
