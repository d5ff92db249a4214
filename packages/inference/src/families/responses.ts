import { type FriendliClient, InvalidInputError } from "@friendli-ts/client";
import { postOperation, streamOperation } from "../call-operation.ts";
import { checkModel, checkObject, describeValue, label } from "../check-body.ts";
import type { RequestOptions } from "../request-options.ts";
import type { JsonBody, JsonResult, NoStreamFlag, Prefix, StreamData, StreamRequest } from "../spec-types.ts";
import type { ResponsesStreamItem as AnyResponsesEvent, ResponsesResult } from "../streams/collect-response.ts";
import type { InferenceStream } from "../streams/inference-stream.ts";
import { responsesKind } from "../streams/stream-kinds.ts";

type ResponsesKey<P extends Prefix> = `${P}/v1/responses`;

export type ResponsesBody<P extends Prefix> = NoStreamFlag<JsonBody<ResponsesKey<P>>>;
export type ResponsesResultOf<P extends Prefix> = JsonResult<ResponsesKey<P>>;
export type ResponsesStreamBody<P extends Prefix> = StreamRequest<`${ResponsesKey<P>}#stream`>;
export type ResponsesEvent<P extends Prefix> = StreamData<`${ResponsesKey<P>}#stream`>;
export type ResponsesStream<P extends Prefix> = InferenceStream<ResponsesEvent<P>, ResponsesResult>;

export interface ResponsesApi<P extends Prefix> {
  create(body: ResponsesBody<P>, options?: RequestOptions): Promise<ResponsesResultOf<P>>;
  /** Typed Responses events; `finalResult()` is the response of the final event. */
  stream(body: ResponsesStreamBody<P>, options?: RequestOptions): Promise<ResponsesStream<P>>;
}

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
export function responsesApi<P extends Prefix>(client: FriendliClient, prefix: P): ResponsesApi<P> {
  const path = `${prefix}/v1/responses`;
  return {
    async create(body, options) {
      check(prefix, "create", body);
      return postOperation(client, path, body, options);
    },
    async stream(body, options) {
      check(prefix, "stream", body);
      const stream = await streamOperation<AnyResponsesEvent, ResponsesResult>(
        client,
        `${path}#stream`,
        body,
        options,
        responsesKind,
      );
      return stream as unknown as ResponsesStream<P>;
    },
  };
}
