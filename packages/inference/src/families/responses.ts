import {
  type CallOptions,
  InvalidInputError,
  type RequestBody,
  type StreamBody,
  type SuccessData,
} from "@friendli-ts/client";
import {
  containerResponses,
  containerResponsesStream,
  dedicatedResponses,
  dedicatedResponsesStream,
  serverlessResponses,
  serverlessResponsesStream,
} from "@friendli-ts/client/routes";
import type { FamilyDeclaration } from "../build-family.ts";
import { describeValue } from "../check-body.ts";
import { openInferenceStream } from "../open-inference-stream.ts";
import type { NoStreamFlag, Prefix, SpecKey, StreamKey } from "../spec-types.ts";
import type { ResponsesResult, ResponsesStreamItem } from "../streams/collect-response.ts";
import type { InferenceStream } from "../streams/inference-stream.ts";
import { responsesKind } from "../streams/stream-kinds.ts";

export type ResponsesKey<P extends Prefix> = SpecKey<`${P}/v1/responses`>;
export type ResponsesStreamKey<P extends Prefix> = StreamKey<`${ResponsesKey<P>}#stream`>;

export type ResponsesBody<P extends Prefix> = NoStreamFlag<RequestBody<ResponsesKey<P>>>;
export type ResponsesResultOf<P extends Prefix> = SuccessData<ResponsesKey<P>, "post">;
export type ResponsesStreamBody<P extends Prefix> = NoStreamFlag<StreamBody<ResponsesStreamKey<P>>>;
/** One event of a Responses stream: the spec's event, the same for every deployment kind. */
export type ResponsesEvent = ResponsesStreamItem;
export type ResponsesStream = InferenceStream<ResponsesEvent, ResponsesResult>;

export interface ResponsesApi<P extends Prefix> {
  create(body: ResponsesBody<P>, options?: CallOptions): Promise<ResponsesResultOf<P>>;
  /** Typed Responses events; `finalResult()` is the response of the final event. */
  stream(body: ResponsesStreamBody<P>, options?: CallOptions): Promise<ResponsesStream>;
}

/** The Responses API on every kind. */
export const responsesFamily = {
  name: "responses",
  methods: {
    create: {
      routes: { serverless: serverlessResponses, dedicated: dedicatedResponses, container: containerResponses },
      check: checkInput,
    },
    stream: {
      routes: {
        serverless: serverlessResponsesStream,
        dedicated: dedicatedResponsesStream,
        container: containerResponsesStream,
      },
      check: checkInput,
      stream: { open: openInferenceStream, kind: responsesKind },
    },
  },
} as const satisfies FamilyDeclaration;

function checkInput(what: string, body: Record<string, unknown>): void {
  const { input } = body;
  if (!(typeof input === "string" && input !== "") && !(Array.isArray(input) && input.length > 0)) {
    throw new InvalidInputError(
      `${what}: \`input\` must be a non-empty string or list of items, got ${describeValue(input)}`,
    );
  }
}
