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
  type ContainerInference,
  createFriendliInference,
  type DedicatedInference,
  type FriendliInference,
  type InferenceOptions,
  type ServerlessInference,
} from "./create-friendli-inference.ts";
export type { DeploymentKind } from "./deployment-kinds.ts";
export {
  type FunctionTool,
  functionTool,
  type ToolRunContext,
} from "./helpers/function-tool.ts";
export {
  type JsonSchema,
  type StandardSchemaLike,
  withJsonSchema,
} from "./helpers/output-schema.ts";
export type { Parsed } from "./helpers/parse-chat-completion.ts";
export type { RunToolsOptions, RunToolsResult } from "./helpers/run-tools.ts";
export { StructuredOutputError } from "./helpers/structured-output-error.ts";
export { ToolLoopLimitError } from "./helpers/tool-loop-limit-error.ts";
export type { SchemaIssue } from "./helpers/validate-json-schema.ts";
export type { FinalResult, InferenceMethod, MethodBody, Result, StreamItem } from "./method-types.ts";
export { chatSnapshots } from "./streams/chat-snapshots.ts";
export { InferenceStream } from "./streams/inference-stream.ts";
export { rebuildStream } from "./streams/rebuild-stream.ts";
export type { UploadInput } from "./to-upload-blob.ts";
