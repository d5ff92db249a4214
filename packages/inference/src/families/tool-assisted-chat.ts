import type { CallOptions, RequestBody, StreamBody, SuccessData } from "@friendli-ts/client";
import { serverlessToolAssistedChatComplete, serverlessToolAssistedChatStream } from "@friendli-ts/client/routes";
import type { FamilyDeclaration } from "../build-family.ts";
import { openInferenceStream, type RouteEvent } from "../open-inference-stream.ts";
import type { NoStreamFlag, SpecKey, StreamKey } from "../spec-types.ts";
import type { CollectedToolAssistedChat, ToolAssistedChatEvent } from "../streams/collect-tool-assisted-chat.ts";
import type { InferenceStream } from "../streams/inference-stream.ts";
import { toolAssistedChatKind } from "../streams/stream-kinds.ts";
import { checkMessages } from "./chat.ts";

export type ToolsKey = SpecKey<"/serverless/tools/v1/chat/completions">;
export type ToolsStreamKey = StreamKey<`${ToolsKey}#stream`>;

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
export function normaliseToolAssistedEvent(event: RouteEvent): ToolAssistedChatEvent {
  return { ...event, event: event.event ?? "token" } as ToolAssistedChatEvent;
}

/** Tool-assisted chat, a serverless-only API. */
export const toolAssistedChatFamily = {
  name: "toolAssistedChat",
  methods: {
    complete: { routes: { serverless: serverlessToolAssistedChatComplete }, check: checkMessages },
    stream: {
      routes: { serverless: serverlessToolAssistedChatStream },
      check: checkMessages,
      stream: { open: openInferenceStream, kind: toolAssistedChatKind, toItem: normaliseToolAssistedEvent },
    },
  },
} as const satisfies FamilyDeclaration;
