import type { FriendliClient } from "@friendli-ts/client";
import { postOperation, streamOperation } from "../call-operation.ts";
import type { RequestOptions } from "../request-options.ts";
import type { JsonBody, JsonResult, NoStreamFlag, StreamRequest } from "../spec-types.ts";
import type { CollectedToolAssistedChat, ToolAssistedChatEvent } from "../streams/collect-tool-assisted-chat.ts";
import type { InferenceStream } from "../streams/inference-stream.ts";
import { toolAssistedChatKind } from "../streams/stream-kinds.ts";
import { checkChatBody } from "./chat.ts";

type ToolsKey = "/serverless/tools/v1/chat/completions";

export type ToolAssistedChatBody = NoStreamFlag<JsonBody<ToolsKey>>;
export type ToolAssistedChatResult = JsonResult<ToolsKey>;
export type ToolAssistedChatStreamBody = StreamRequest<`${ToolsKey}#stream`>;
export type ToolAssistedChatStream = InferenceStream<ToolAssistedChatEvent, CollectedToolAssistedChat>;

export interface ToolAssistedChatApi {
  /** A chat completion during which the server runs its built-in tools (search, math, code). */
  complete(body: ToolAssistedChatBody, options?: RequestOptions): Promise<ToolAssistedChatResult>;
  /** `{ event: "token" }` chunks of the answer and `{ event: "tool_status" }` updates, in order. */
  stream(body: ToolAssistedChatStreamBody, options?: RequestOptions): Promise<ToolAssistedChatStream>;
}

/**
 * Servers send the answer's chunks without an event name, though the spec calls them
 * `token`; naming them here keeps the union discriminated.
 */
export function normaliseToolAssistedEvent(event: { event?: string; data: unknown }): ToolAssistedChatEvent {
  return { ...event, event: event.event ?? "token" } as ToolAssistedChatEvent;
}

/** Tool-assisted chat, a serverless-only API. */
export function toolAssistedChatApi(client: FriendliClient): ToolAssistedChatApi {
  const path = "/serverless/tools/v1/chat/completions";
  return {
    async complete(body, options) {
      checkChatBody("serverless.toolAssistedChat.complete", body, true);
      return postOperation(client, path, body, options);
    },
    async stream(body, options) {
      checkChatBody("serverless.toolAssistedChat.stream", body, true);
      return streamOperation(client, `${path}#stream`, body, options, toolAssistedChatKind, normaliseToolAssistedEvent);
    },
  };
}
