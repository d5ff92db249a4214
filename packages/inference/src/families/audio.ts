import type { CallOptions, RequestBody, StreamBody, SuccessData } from "@friendli-ts/client";
import { type CallCore, type Route, requestData } from "@friendli-ts/client/internal";
import {
  containerAudioTranscriptions,
  containerAudioTranscriptionsStream,
  dedicatedAudioTranscriptions,
  dedicatedAudioTranscriptionsStream,
  serverlessAudioTranscriptions,
  serverlessAudioTranscriptionsStream,
} from "@friendli-ts/client/routes";
import { checkModel, checkObject, label } from "../check-body.ts";
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

const routes: {
  [P in Prefix]: [Route<TranscriptionsKey<P>, "post">, Route<TranscriptionsStreamKey<P>, "post">];
} = {
  "/serverless": [serverlessAudioTranscriptions, serverlessAudioTranscriptionsStream],
  "/dedicated": [dedicatedAudioTranscriptions, dedicatedAudioTranscriptionsStream],
  "": [containerAudioTranscriptions, containerAudioTranscriptionsStream],
};

async function prepare(prefix: Prefix, method: string, body: unknown): Promise<Record<string, unknown>> {
  const what = label(prefix, `audio.transcriptions.${method}`);
  const record = checkObject(what, body);
  checkModel(what, record, prefix !== "");
  return { ...record, file: await toUploadBlob(what, record.file) };
}

/** Audio transcription of one deployment kind, sent as multipart. */
export function audioApi<P extends Prefix>(core: CallCore, prefix: P): AudioApi<P> {
  const [createRoute, streamRoute] = routes[prefix];
  return {
    transcriptions: {
      async create(body, options) {
        const prepared = await prepare(prefix, "create", body);
        return requestData(
          core,
          label(prefix, "audio.transcriptions.create"),
          { route: createRoute, body: prepared },
          options,
        );
      },
      async stream(body, options) {
        const prepared = await prepare(prefix, "stream", body);
        return openInferenceStream(core, streamRoute, prepared, options, transcriptionKind);
      },
    },
  };
}

/** The spec operations this file calls, by method name (collected in operation-methods.ts). */
export const audioMethods = {
  serverlessAudioTranscriptions: "serverless.audio.transcriptions.create",
  serverlessAudioTranscriptionsStream: "serverless.audio.transcriptions.stream",
  dedicatedAudioTranscriptions: "dedicated.audio.transcriptions.create",
  dedicatedAudioTranscriptionsStream: "dedicated.audio.transcriptions.stream",
  containerAudioTranscriptions: "container.audio.transcriptions.create",
  containerAudioTranscriptionsStream: "container.audio.transcriptions.stream",
} as const;
