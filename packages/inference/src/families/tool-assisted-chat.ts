import type { CallOptions, FriendliClient, RequestBody, StreamBody, SuccessData } from "@friendli-ts/client";
import { postOperation, streamEvents } from "../call-operation.ts";
import type { NoStreamFlag, SpecKey, StreamKey } from "../spec-types.ts";
import type { CollectedToolAssistedChat, ToolAssistedChatEvent } from "../streams/collect-tool-assisted-chat.ts";
import type { InferenceStream } from "../streams/inference-stream.ts";
import { toolAssistedChatKind } from "../streams/stream-kinds.ts";
import { checkChatBody } from "./chat.ts";

type ToolsKey = SpecKey<"/serverless/tools/v1/chat/completions">;
type ToolsStreamKey = StreamKey<`${ToolsKey}#stream`>;

export type ToolAssistedChatBody = NoStreamFlag<RequestBody<ToolsKey>>;
export type ToolAssistedChatResult = SuccessData<ToolsKey, "post">;
export type ToolAssistedChatStreamBody = NoStreamFlag<StreamBody<ToolsStreamKey>>;
export type ToolAssistedChatStream = InferenceStream<ToolAssistedChatEvent, CollectedToolAssistedChat>;

export interface ToolAssistedChatApi {
  /** A chat completion during which the server runs its built-in tools (search, math, code). */
  complete(body: ToolAssistedChatBody, options?: CallOptions): Promise<ToolAssistedChatResult>;
  /** `{ event: "token" }` chunks of the answer and `{ event: "tool_status" }` updates, in order. */
  stream(body: ToolAssistedChatStreamBody, options?: CallOptions): Promise<ToolAssistedChatStream>;
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
  const path: ToolsKey = "/serverless/tools/v1/chat/completions";
  const streamPath: ToolsStreamKey = `${path}#stream`;
  return {
    async complete(body, options) {
      checkChatBody("serverless.toolAssistedChat.complete", body, true);
      return postOperation(client, path, body, options);
    },
    async stream(body, options) {
      checkChatBody("serverless.toolAssistedChat.stream", body, true);
      return streamEvents(client, streamPath, body, options, toolAssistedChatKind, normaliseToolAssistedEvent);
    },
  };
}
