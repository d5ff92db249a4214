import {
  type CallOptions,
  InvalidInputError,
  type RequestBody,
  type StreamBody,
  type SuccessData,
} from "@friendli-ts/client";
import { type CallCore, type Route, requestData } from "@friendli-ts/client/internal";
import {
  containerResponses,
  containerResponsesStream,
  dedicatedResponses,
  dedicatedResponsesStream,
  serverlessResponses,
  serverlessResponsesStream,
} from "@friendli-ts/client/routes";
import { checkModel, checkObject, describeValue, label } from "../check-body.ts";
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

const routes: { [P in Prefix]: [Route<ResponsesKey<P>, "post">, Route<ResponsesStreamKey<P>, "post">] } = {
  "/serverless": [serverlessResponses, serverlessResponsesStream],
  "/dedicated": [dedicatedResponses, dedicatedResponsesStream],
  "": [containerResponses, containerResponsesStream],
};

function check(prefix: Prefix, method: string, body: unknown): void {
  const what = label(prefix, `responses.${method}`);
  const record = checkObject(what, body);
  checkModel(what, record, prefix !== "");
  const { input } = record;
  if (!(typeof input === "string" && input !== "") && !(Array.isArray(input) && input.length > 0)) {
    throw new InvalidInputError(
      `${what}: \`input\` must be a non-empty string or list of items, got ${describeValue(input)}`,
    );
  }
}

/** The Responses API of one deployment kind. */
export function responsesApi<P extends Prefix>(core: CallCore, prefix: P): ResponsesApi<P> {
  const [createRoute, streamRoute] = routes[prefix];
  return {
    async create(body, options) {
      check(prefix, "create", body);
      return requestData(core, label(prefix, "responses.create"), { route: createRoute, body }, options);
    },
    async stream(body, options) {
      check(prefix, "stream", body);
      return openInferenceStream(core, streamRoute, body, options, responsesKind);
    },
  };
}

/** The spec operations this file calls, by method name (collected in operation-methods.ts). */
export const responsesMethods = {
  serverlessResponses: "serverless.responses.create",
  serverlessResponsesStream: "serverless.responses.stream",
  dedicatedResponses: "dedicated.responses.create",
  dedicatedResponsesStream: "dedicated.responses.stream",
  containerResponses: "container.responses.create",
  containerResponsesStream: "container.responses.stream",
} as const;
