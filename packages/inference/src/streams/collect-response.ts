import { type StreamData, StreamInterruptedError } from "@friendli-ts/client";
import type { Prefix, Schemas, StreamKey } from "../spec-types.ts";
import { checkResponsesEvent } from "./check-stream-items.ts";

/** One event of a Responses stream, of any deployment kind. */
export type ResponsesStreamItem = StreamData<StreamKey<`${Prefix}/v1/responses#stream`>>;
export type ResponsesResult = Schemas["ResponsesSuccess"];

const FINAL = new Set(["response.completed", "response.failed", "response.incomplete"]);

/**
 * The response a Responses stream ends with. Its final event carries the whole response,
 * so this keeps that one rather than rebuilding it from deltas.
 */
export async function collectResponse(events: AsyncIterable<ResponsesStreamItem>): Promise<ResponsesResult> {
  let final: ResponsesResult | undefined;
  for await (const event of events) {
    checkResponsesEvent(event);
    if ("response" in event && FINAL.has(event.type) && event.response) final = event.response;
  }
  if (!final) throw new StreamInterruptedError("the responses stream ended without its final response", null);
  return final;
}
