import type { FriendliClient } from "@friendli-ts/client";
import { postOperation, streamOperation } from "../call-operation.ts";
import { checkModel, checkObject, label } from "../check-body.ts";
import type { RequestOptions } from "../request-options.ts";
import type { JsonResult, MultipartBody, NoStreamFlag, Prefix, StreamData } from "../spec-types.ts";
import type { CollectedTranscription, TranscriptionEvent } from "../streams/collect-transcription.ts";
import type { InferenceStream } from "../streams/inference-stream.ts";
import { transcriptionKind } from "../streams/stream-kinds.ts";
import { toUploadBlob, type UploadInput } from "../to-upload-blob.ts";

type TranscriptionsKey<P extends Prefix> = `${P}/v1/audio/transcriptions`;

/** The spec's multipart fields, with `file` widened to any upload input. */
type WithUpload<Body> = Body extends { file: unknown } ? Omit<Body, "file" | "stream"> & { file: UploadInput } : never;

export type TranscriptionBody<P extends Prefix> = NoStreamFlag<WithUpload<MultipartBody<TranscriptionsKey<P>>>>;
export type Transcription<P extends Prefix> = JsonResult<TranscriptionsKey<P>>;
export type TranscriptionStreamBody<P extends Prefix> = NoStreamFlag<
  WithUpload<MultipartBody<`${TranscriptionsKey<P>}#stream`>>
>;
export type TranscriptionStreamEvent<P extends Prefix> = StreamData<`${TranscriptionsKey<P>}#stream`>;
export type TranscriptionStream<P extends Prefix> = InferenceStream<
  TranscriptionStreamEvent<P>,
  CollectedTranscription
>;

export interface TranscriptionsApi<P extends Prefix> {
  /** The transcript of an audio file (Blob, File, bytes or a byte stream). */
  create(body: TranscriptionBody<P>, options?: RequestOptions): Promise<Transcription<P>>;
  /** The transcript as it is made: `transcript.text.delta` events, then `transcript.text.done`. */
  stream(body: TranscriptionStreamBody<P>, options?: RequestOptions): Promise<TranscriptionStream<P>>;
}

export interface AudioApi<P extends Prefix> {
  transcriptions: TranscriptionsApi<P>;
}

async function prepare(prefix: Prefix, method: string, body: unknown): Promise<Record<string, unknown>> {
  const what = label(prefix, `audio.transcriptions.${method}`);
  const record = checkObject(what, body);
  checkModel(what, record, prefix !== "");
  return { ...record, file: await toUploadBlob(what, record.file) };
}

/** Audio transcription of one deployment kind, sent as multipart. */
export function audioApi<P extends Prefix>(client: FriendliClient, prefix: P): AudioApi<P> {
  const path = `${prefix}/v1/audio/transcriptions`;
  return {
    transcriptions: {
      async create(body, options) {
        return postOperation(client, path, await prepare(prefix, "create", body), options);
      },
      async stream(body, options) {
        const prepared = await prepare(prefix, "stream", body);
        const stream = await streamOperation<TranscriptionEvent, CollectedTranscription>(
          client,
          `${path}#stream`,
          prepared,
          options,
          transcriptionKind,
        );
        return stream as unknown as TranscriptionStream<P>;
      },
    },
  };
}
