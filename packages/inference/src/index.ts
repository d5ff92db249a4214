import type * as InferenceTypes from "./inference-types.ts";

export type { CallOptions, ClientOptions, SharedClientOptions } from "@friendli-ts/client";
// The client's error classes: this package alone is enough to catch what it throws.
export * from "@friendli-ts/client/errors";
export {
  createAudio,
  createChat,
  createClassification,
  createCompletions,
  createEmbeddings,
  createImages,
  createKnowledge,
  createMessages,
  createModels,
  createResponses,
  createTokenizer,
  createToolAssistedChat,
} from "./create-family.ts";
export {
  createFriendliInference,
  type FriendliInference,
  type InferenceOptions,
} from "./create-friendli-inference.ts";
export { functionTool } from "./helpers/function-tool.ts";
export { withJsonSchema } from "./helpers/output-schema.ts";
export { StructuredOutputError } from "./helpers/structured-output-error.ts";
export { ToolLoopLimitError } from "./helpers/tool-loop-limit-error.ts";

export type { MethodBody, Result } from "./method-types.ts";
export { chatSnapshots } from "./streams/chat-snapshots.ts";
export { rebuildStream } from "./streams/rebuild-stream.ts";
// Every other type the signatures use, under one name: `InferenceTypes.ChatApi<"/serverless">`.
export type { InferenceTypes };
