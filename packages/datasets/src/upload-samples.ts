import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  type CallOptions,
  FriendliError,
  InvalidInputError,
} from "@friendli-ts/client";
import { checkLimit, linkedAbort, wasNeverSent } from "@friendli-ts/client/internal";
import { formatPath } from "./format-path.ts";
import { limitConcurrency } from "./limit-concurrency.ts";
import { LocateError, locateJsonStrings, replaceJsonStrings, type Span, stringAt } from "./locate-json-strings.ts";
import { MediaUploadError } from "./media-upload-error.ts";
import { modalityMismatch } from "./modality-mismatch.ts";
import { DEFAULT_MAX_LINE_BYTES } from "./read-jsonl-lines.ts";
import {
  checkSource,
  describeSource,
  parseSample,
  readSamples,
  type SampleInput,
  type SourceItem,
  sampleText,
} from "./sample-source.ts";
import { type BatchOutcome, SampleUploadError } from "./sample-upload-error.ts";
import { type SamplePosition, SampleValidationError } from "./sample-validation-error.ts";
import type { DatasetModality } from "./spec-types.ts";
import { DEFAULT_MAX_MEDIA_BYTES, type MediaStore, type StoredMedia, storeMedia } from "./store-media.ts";
import { type MediaRef, validateSample } from "./validate-sample.ts";

// Long: one upload pipeline (read, check, store the media, add in batches, count what was
// stored when a batch fails) whose steps share one batch's state; cut apart, each piece would
// take that state as arguments. What is not shared lives in the files imported above.

export interface UploadProgress {
  /** Samples of the input done: stored, or skipped by `resumeFrom`. */
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
 * The call options go whole to every API request of the upload (add samples, the file API for
 * media, the read-back of a batch in doubt); media downloads and storage uploads take their
 * signal, timeout and retries.
 */
export interface UploadSamplesOptions extends CallOptions {
  /** Samples per add-samples request; also how many are held in memory at once. Default 200. */
  batchSize?: number;
  /** Media uploads in flight at once. Default 4. */
  mediaConcurrency?: number;
  /**
   * Skips the first `resumeFrom` samples of the input: they are read (to count them) but not
   * checked, their media not stored and they are not sent. Give a failed upload's
   * `SampleUploadError.samplesStored` to go on where it stopped. Default 0.
   */
  resumeFrom?: number;
  onProgress?: (progress: UploadProgress) => void;
  /**
   * Bytes one media file fetched from an http(s) URL may have; a larger one fails the upload
   * with a MediaUploadError whose cause is a ResponseTooLargeError. Default 104857600 (100 MiB).
   */
  maxMediaBytes?: number;
  /**
   * Bytes one line of JSONL input (a ReadableStream or a Blob) may have; a longer one is a
   * SampleValidationError naming the line. Default 134217728 (128 MiB).
   */
  maxLineBytes?: number;
}

export interface SampleTarget {
  modality: DatasetModality;
  /** Adds one batch of JSON-encoded samples; resolves to the API's [id, data] pairs. */
  add(samples: string[], options: CallOptions): Promise<{ samples: readonly (readonly string[])[] }>;
  /**
   * The split's samples as [id, data] pairs, oldest first, read back to settle a batch whose
   * answer was lost.
   */
  list(options: CallOptions): AsyncIterable<readonly string[]>;
  media: MediaStore;
}

interface PendingMedia {
  ref: MediaRef;
  /** Where the URL's string token sits in the sample's text. */
  span: Span;
  uri?: string;
}

interface PendingSample {
  /** The sample's JSON text as written (see `sampleText`). */
  text: string;
  position: SamplePosition;
  media: PendingMedia[];
}

/** A batch's add-samples request failed; `outcome` says what the API may have done with it. */
class AddFailure {
  constructor(
    readonly cause: unknown,
    readonly outcome: BatchOutcome,
    readonly sent: string[],
  ) {}
}

// Enough to skip re-downloading an image that many samples share, small enough to stay bounded.
const URL_CACHE_LIMIT = 10_000;

/**
 * Validates, stores media and adds samples batch by batch, so memory holds one batch
 * whatever the input size. Each sample is sent as written: its text, with only the media URLs
 * replaced by storage URIs inside it. A batch is sent only once every sample in it passed the
 * checks; batches already sent stay added when a later one fails, and the SampleUploadError
 * tells how many samples are stored. Resolves to the full sample ids in input order (from
 * `resumeFrom` on).
 */
export async function uploadSamples(
  target: SampleTarget,
  input: SampleInput,
  options: UploadSamplesOptions = {},
): Promise<string[]> {
  const batchSize = options.batchSize ?? 200;
  if (!(batchSize >= 1)) throw new RangeError("batchSize must be at least 1");
  const resumeFrom = options.resumeFrom ?? 0;
  if (!Number.isSafeInteger(resumeFrom) || resumeFrom < 0) {
    throw new RangeError("resumeFrom must be a whole number of samples, 0 or more");
  }
  const maxMediaBytes = checkLimit("maxMediaBytes", options.maxMediaBytes ?? DEFAULT_MAX_MEDIA_BYTES);
  const maxLineBytes = checkLimit("maxLineBytes", options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES);
  checkSource(input);
  const run = limitConcurrency(options.mediaConcurrency ?? 4);
  const urlCache = new Map<string, Promise<StoredMedia>>();
  const info = describeSource(input);
  const progress: UploadProgress = {
    samplesDone: resumeFrom,
    samplesTotal: info.samplesTotal,
    bytesRead: input instanceof Blob || input instanceof ReadableStream ? 0 : null,
    bytesTotal: info.bytesTotal,
    mediaFiles: 0,
    mediaBytes: 0,
  };
  const report = () => options.onProgress?.({ ...progress });
  const ids: string[] = [];
  // Samples of the input known to be in the split: always a prefix of the input.
  let stored = resumeFrom;
  // The batch being stored (media, then the add request), if any.
  let flushing: PendingSample[] | null = null;
  // Whether the API's answers gave each sample's data back exactly as sent. Only then does a
  // read-back that finds none of a batch show that the batch was not stored.
  let keepsText: boolean | undefined;

  // http(s) URLs are remembered across batches (bounded); data URLs only within a batch, since
  // keeping them would keep their payloads alive. Across batches the API itself skips bytes
  // it already holds (same digest).
  const storeOnce = (
    cache: Map<string, Promise<StoredMedia>>,
    url: string,
    task: () => Promise<StoredMedia>,
  ): Promise<StoredMedia> => {
    let result = cache.get(url);
    if (!result) {
      if (cache.size >= URL_CACHE_LIMIT) cache.clear();
      result = task();
      cache.set(url, result);
      result.catch(() => cache.delete(url));
    }
    return result;
  };

  const storeBatchMedia = async (batch: PendingSample[]) => {
    const dataUrlCache = new Map<string, Promise<StoredMedia>>();
    // The first failure (or the caller's abort) cancels the rest of the batch's media, so
    // nothing runs on after we throw.
    const cancel = linkedAbort(options.signal);
    const mediaOptions: CallOptions = { ...options, signal: cancel.signal };
    let failure: unknown;
    await Promise.allSettled(
      batch.flatMap(({ media, position }) =>
        media.map(async (item) => {
          try {
            const cache = item.ref.url.startsWith("data:") ? dataUrlCache : urlCache;
            const result = await storeOnce(cache, item.ref.url, () =>
              run(async () => {
                const done = await storeMedia(item.ref, target.media, mediaOptions, maxMediaBytes);
                progress.mediaFiles++;
                progress.mediaBytes += done.bytes;
                report();
                return done;
              }),
            );
            item.uri = result.uri;
          } catch (error) {
            if (failure === undefined) {
              failure = options.signal?.aborted ? error : new MediaUploadError(position, item.ref.path, error);
              cancel.controller.abort();
            }
          }
        }),
      ),
    ).finally(() => cancel.dispose());
    if (failure !== undefined) throw failure;
  };

  const flush = async (batch: PendingSample[]) => {
    flushing = batch;
    await storeBatchMedia(batch);
    const body = batch.map(({ text, media }) =>
      media.length === 0
        ? text
        : replaceJsonStrings(
            text,
            media.map(({ span, uri }) => ({ span, value: uri ?? "" })),
          ),
    );
    if (options.signal?.aborted) throw new APIUserAbortError(undefined, { cause: options.signal.reason });
    let answer: Awaited<ReturnType<SampleTarget["add"]>>;
    try {
      answer = await target.add(body, options);
    } catch (error) {
      throw new AddFailure(error, outcomeOf(error), body);
    }
    const batchIds = answer.samples.map(([id]) => id).filter((id) => typeof id === "string");
    if (answer.samples.length !== body.length || batchIds.length !== body.length) {
      const error = new FriendliError(
        `add samples answered ${answer.samples.length} samples (${batchIds.length} with an id) for the ${body.length} sent`,
      );
      throw new AddFailure(error, "unknown", body);
    }
    keepsText = (keepsText ?? true) && answer.samples.every((pair, k) => pair[1] === body[k]);
    for (const id of batchIds) ids.push(id);
    stored += body.length;
    flushing = null;
    progress.samplesDone = stored;
    report();
  };

  /**
   * After a lost answer: is the batch in the split? Its samples are looked for by their data
   * as sent, listed oldest first, after the last sample this upload added (so identical
   * samples stored before it are not taken for them). All there, once each: stored (with
   * their ids). None anywhere, from an API shown to keep samples as sent: not stored. Anything
   * else is a doubt.
   */
  const readBack = async (sent: string[]): Promise<{ ids: string[] } | { doubt: string } | "absent"> => {
    const ours = new Set(ids);
    const wanted = new Map<string, number>();
    for (const data of sent) wanted.set(data, (wanted.get(data) ?? 0) + 1);
    const matches = new Map<string, { id: string; at: number }[]>();
    let at = 0;
    let lastOurs = -1;
    let anywhere = 0;
    for await (const [id, data] of target.list(options)) {
      at++;
      if (typeof id !== "string" || typeof data !== "string") continue;
      if (ours.has(id)) lastOurs = at;
      else if (wanted.has(data)) {
        anywhere++;
        let found = matches.get(data);
        if (!found) matches.set(data, (found = []));
        found.push({ id, at });
      }
    }
    if (anywhere === 0) {
      if (keepsText) return "absent";
      return {
        doubt:
          "reading the split back did not find them, but no earlier answer in this upload showed that the API keeps samples exactly as sent",
      };
    }
    let found = 0;
    for (const [data, count] of wanted) {
      const after = (matches.get(data) ?? []).filter((match) => match.at > lastOurs);
      if (after.length > count) {
        return {
          doubt:
            "the split holds more copies of some of these samples than this upload sent, so reading it back cannot tell",
        };
      }
      matches.set(data, after);
      found += after.length;
    }
    if (found === sent.length) return { ids: sent.map((data) => matches.get(data)?.shift()?.id ?? "") };
    return {
      doubt:
        found > 0
          ? `reading the split back found ${found} of these ${sent.length} samples`
          : "reading the split back found copies of these samples stored before this upload, and none after",
    };
  };

  const failure = async (error: unknown): Promise<SampleUploadError> => {
    const batch = flushing ? { first: stored, count: (flushing as PendingSample[]).length } : null;
    if (!(error instanceof AddFailure)) {
      return new SampleUploadError({ samplesStored: stored, ids, batchOutcome: "not sent", batch, cause: error });
    }
    let outcome = error.outcome;
    let doubt: string | undefined;
    if (outcome === "unknown") {
      if (options.signal?.aborted) {
        doubt = "the upload was aborted while the add request was in flight, so the split was not read back";
      } else {
        try {
          const settled = await readBack(error.sent);
          if (settled === "absent") outcome = "not stored";
          else if ("doubt" in settled) doubt = settled.doubt;
          else {
            outcome = "stored";
            for (const id of settled.ids) ids.push(id);
            stored += error.sent.length;
          }
        } catch (readError) {
          doubt = `reading the split back to check failed: ${readError instanceof Error ? readError.message : String(readError)}`;
        }
      }
    }
    return new SampleUploadError({
      samplesStored: stored,
      ids,
      batchOutcome: outcome,
      batch,
      cause: error.cause,
      doubt,
    });
  };

  let batch: PendingSample[] = [];
  let read = 0;
  const onBytes = (bytes: number) => {
    progress.bytesRead = bytes;
  };
  try {
    for await (const item of readSamples(input, onBytes, maxLineBytes)) {
      read++;
      if (item.index < resumeFrom) continue;
      if (options.signal?.aborted) throw new APIUserAbortError(undefined, { cause: options.signal.reason });
      batch.push(prepare(item, target.modality));
      if (batch.length >= batchSize) {
        await flush(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await flush(batch);
  } catch (error) {
    throw await failure(error);
  }
  if (read < resumeFrom) {
    throw new InvalidInputError(`resumeFrom is ${resumeFrom} but the input holds ${read} samples`);
  }
  return ids;
}

/** Reads, checks and locates the media of one sample; the parsed value is not kept. */
function prepare(item: SourceItem, modality: DatasetModality): PendingSample {
  const position = { index: item.index, line: item.line };
  const text = sampleText(item);
  const checked = validateSample(parseSample(text, position), position);
  const mismatch = modalityMismatch(checked, modality);
  if (mismatch) throw new SampleValidationError(position, "", mismatch);
  if (checked.media.length === 0) return { text, position, media: [] };
  let spans: Span[];
  try {
    spans = locateJsonStrings(
      text,
      checked.media.map((ref) => ref.keys),
    );
  } catch (error) {
    if (error instanceof LocateError) throw new SampleValidationError(position, formatPath(error.keys), error.message);
    throw error;
  }
  const media = checked.media.map((ref, k): PendingMedia => {
    const span = spans[k] as Span;
    // The URL as the text holds it (sharing the text's memory), so the parsed copy can go.
    const url = stringAt(text, span);
    if (url !== ref.url)
      throw new SampleValidationError(position, ref.path, "the sample's text does not hold this URL");
    return { ref: { ...ref, url }, span };
  });
  return { text, position, media };
}

/** What the API may have done with a batch whose add request failed this way. */
function outcomeOf(error: unknown): BatchOutcome {
  // Refused before any request (a body or parameter the client would not send).
  if (error instanceof InvalidInputError) return "not sent";
  // An answer: a 4xx (but 409) means nothing was stored; a 5xx may come after the work was done.
  if (error instanceof APIError)
    return error.status >= 400 && error.status < 500 && error.status !== 409 ? "refused" : "unknown";
  if (error instanceof APIConnectionError && !(error instanceof APITimeoutError) && wasNeverSent(error))
    return "not sent";
  // A reset, a timeout, an abort while the request was out: it may have been acted on.
  return "unknown";
}
