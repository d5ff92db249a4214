import { type CallOptions, FriendliError } from "@friendli-ts/client";
import { modalityMismatch } from "./check-modality.ts";
import { limitConcurrency } from "./limit-concurrency.ts";
import { MediaUploadError } from "./media-upload-error.ts";
import { describeSource, readSamples, type SampleInput } from "./sample-source.ts";
import { type SamplePosition, SampleValidationError } from "./sample-validation-error.ts";
import type { DatasetModality } from "./spec-types.ts";
import { type MediaStore, type StoredMedia, storeMedia } from "./store-media.ts";
import { type CheckedSample, validateSample } from "./validate-sample.ts";

export interface UploadProgress {
  samplesDone: number;
  /** Known for arrays; null when the input is streamed. */
  samplesTotal: number | null;
  /** JSONL bytes read so far (null for arrays and iterables). */
  bytesRead: number | null;
  /** Known for Blobs and files. */
  bytesTotal: number | null;
  /** Media items stored so far (those the API already held included). */
  mediaFiles: number;
  /** Media bytes actually sent to storage. */
  mediaBytes: number;
}

/**
 * The call options go whole to every API request of the upload (add samples, and the file
 * API for media); media downloads and storage uploads take their signal, timeout and retries.
 */
export interface UploadSamplesOptions extends CallOptions {
  /** Samples per add-samples request; also how many are held in memory at once. Default 200. */
  batchSize?: number;
  /** Media uploads in flight at once. Default 4. */
  mediaConcurrency?: number;
  onProgress?: (progress: UploadProgress) => void;
}

export interface SampleTarget {
  modality: DatasetModality;
  /** Adds one batch of JSON-encoded samples; resolves to the API's [id, data] pairs. */
  add(samples: string[], options: CallOptions): Promise<{ samples: readonly (readonly string[])[] }>;
  media: MediaStore;
}

// Enough to skip re-downloading an image that many samples share, small enough to stay bounded.
const URL_CACHE_LIMIT = 10_000;

/**
 * Validates, stores media and adds samples batch by batch, so memory holds one batch
 * whatever the input size. A batch is sent only once every sample in it passed the
 * checks; batches already sent stay added when a later one fails.
 * Resolves to the full sample ids in input order.
 */
export async function uploadSamples(
  target: SampleTarget,
  input: SampleInput,
  options: UploadSamplesOptions = {},
): Promise<string[]> {
  const batchSize = options.batchSize ?? 200;
  if (!(batchSize >= 1)) throw new RangeError("batchSize must be at least 1");
  const run = limitConcurrency(options.mediaConcurrency ?? 4);
  const urlCache = new Map<string, Promise<StoredMedia>>();
  const info = describeSource(input);
  const progress: UploadProgress = {
    samplesDone: 0,
    samplesTotal: info.samplesTotal,
    bytesRead: input instanceof Blob || input instanceof ReadableStream ? 0 : null,
    bytesTotal: info.bytesTotal,
    mediaFiles: 0,
    mediaBytes: 0,
  };
  const report = () => options.onProgress?.({ ...progress });
  const ids: string[] = [];

  // http(s) URLs are remembered across batches (bounded); data URLs only within a batch, since
  // keeping them would keep their payloads alive. Across batches the API itself skips bytes
  // it already holds (same digest).
  const storeOnce = (
    cache: Map<string, Promise<StoredMedia>>,
    url: string,
    task: () => Promise<StoredMedia>,
  ): Promise<StoredMedia> => {
    let stored = cache.get(url);
    if (!stored) {
      if (cache.size >= URL_CACHE_LIMIT) cache.clear();
      stored = task();
      cache.set(url, stored);
      stored.catch(() => cache.delete(url));
    }
    return stored;
  };

  const flush = async (batch: { checked: CheckedSample; position: SamplePosition }[]) => {
    const dataUrlCache = new Map<string, Promise<StoredMedia>>();
    // The first failure (or the caller's abort) cancels the rest of the batch's media, so
    // nothing runs on after we throw.
    const cancel = new AbortController();
    const onAbort = () => cancel.abort(options.signal?.reason);
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const mediaOptions: CallOptions = { ...options, signal: cancel.signal };
    let failure: unknown;
    await Promise.allSettled(
      batch.flatMap(({ checked, position }) =>
        checked.media.map(async (ref) => {
          try {
            const cache = ref.url.startsWith("data:") ? dataUrlCache : urlCache;
            const stored = await storeOnce(cache, ref.url, () =>
              run(async () => {
                const result = await storeMedia(ref, target.media, mediaOptions);
                progress.mediaFiles++;
                progress.mediaBytes += result.bytes;
                report();
                return result;
              }),
            );
            ref.set(stored.uri);
          } catch (error) {
            if (failure === undefined) {
              failure = options.signal?.aborted ? error : new MediaUploadError(position, ref.path, error);
              cancel.abort();
            }
          }
        }),
      ),
    ).finally(() => options.signal?.removeEventListener("abort", onAbort));
    if (failure !== undefined) throw failure;
    const body = batch.map(({ checked }) => JSON.stringify(checked.sample));
    const result = await target.add(body, options);
    if (result.samples.length !== batch.length) {
      throw new FriendliError(
        `add samples answered ${result.samples.length} ids for ${batch.length} samples (samples ${batch[0]?.position.index}..${batch.at(-1)?.position.index})`,
      );
    }
    for (const [id] of result.samples) {
      if (typeof id !== "string") throw new FriendliError("add samples answered a sample without an id");
      ids.push(id);
    }
    progress.samplesDone += batch.length;
    report();
  };

  let batch: { checked: CheckedSample; position: SamplePosition }[] = [];
  const onBytes = (bytes: number) => {
    progress.bytesRead = bytes;
  };
  for await (const { value, index, line } of readSamples(input, onBytes)) {
    const position = { index, line };
    const checked = validateSample(value, position);
    const mismatch = modalityMismatch(checked, target.modality);
    if (mismatch) throw new SampleValidationError(position, "", mismatch);
    batch.push({ checked, position });
    if (batch.length >= batchSize) {
      await flush(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await flush(batch);
  return ids;
}
