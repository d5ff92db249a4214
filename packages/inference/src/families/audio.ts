import type { CallOptions, RequestBody, StreamBody, SuccessData } from "@friendli-ts/client";
import {
  containerAudioTranscriptions,
  containerAudioTranscriptionsStream,
  dedicatedAudioTranscriptions,
  dedicatedAudioTranscriptionsStream,
  serverlessAudioTranscriptions,
  serverlessAudioTranscriptionsStream,
} from "@friendli-ts/client/routes";
import type { FamilyDeclaration } from "../build-family.ts";
import { openInferenceStream } from "../open-inference-stream.ts";
import type { NoStreamFlag, Prefix, SpecKey, StreamKey } from "../spec-types.ts";
import type { CollectedTranscription, TranscriptionEvent } from "../streams/collect-transcription.ts";
import type { InferenceStream } from "../streams/inference-stream.ts";
import { transcriptionKind } from "../streams/stream-kinds.ts";
import { toUploadBlob, type UploadInput } from "../to-upload-blob.ts";

export type TranscriptionsKey<P extends Prefix> = SpecKey<`${P}/v1/audio/transcriptions`>;
export type TranscriptionsStreamKey<P extends Prefix> = StreamKey<`${TranscriptionsKey<P>}#stream`>;

/** The spec's multipart fields, with `file` widened to any upload input. */
export type WithUpload<Body> = Body extends { file: unknown }
  ? Omit<Body, "file" | "stream"> & { file: UploadInput }
  : never;

export type TranscriptionBody<P extends Prefix> = NoStreamFlag<WithUpload<RequestBody<TranscriptionsKey<P>>>>;
export type Transcription<P extends Prefix> = SuccessData<TranscriptionsKey<P>, "post">;
export type TranscriptionStreamBody<P extends Prefix> = NoStreamFlag<
  WithUpload<StreamBody<TranscriptionsStreamKey<P>>>
>;
/** One event of a transcription stream: the spec's event, the same for every deployment kind. */
export type TranscriptionStreamEvent = TranscriptionEvent;
export type TranscriptionStream = InferenceStream<TranscriptionStreamEvent, CollectedTranscription>;

export interface TranscriptionsApi<P extends Prefix> {
  /** The transcript of an audio file (Blob, File, bytes or a byte stream). */
  create(body: TranscriptionBody<P>, options?: CallOptions): Promise<Transcription<P>>;
  /** The transcript as it is made: `transcript.text.delta` events, then `transcript.text.done`. */
  stream(body: TranscriptionStreamBody<P>, options?: CallOptions): Promise<TranscriptionStream>;
}

export interface AudioApi<P extends Prefix> {
  transcriptions: TranscriptionsApi<P>;
}

/** Audio transcription on every kind, sent as multipart: the check makes the file an upload. */
export const audioFamily = {
  name: "audio.transcriptions",
  methods: {
    create: {
      routes: {
        serverless: serverlessAudioTranscriptions,
        dedicated: dedicatedAudioTranscriptions,
        container: containerAudioTranscriptions,
      },
      check: withUploadBlob,
    },
    stream: {
      routes: {
        serverless: serverlessAudioTranscriptionsStream,
        dedicated: dedicatedAudioTranscriptionsStream,
        container: containerAudioTranscriptionsStream,
      },
      check: withUploadBlob,
      stream: { open: openInferenceStream, kind: transcriptionKind },
    },
  },
  wrap: (transcriptions) => ({ transcriptions }),
} as const satisfies FamilyDeclaration;

async function withUploadBlob(what: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  return { ...body, file: await toUploadBlob(what, body.file) };
}
