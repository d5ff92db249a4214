export type { CallOptions, ClientOptions } from "@friendli-ts/client";
// The client's error classes: this package alone is enough to catch what it throws.
export {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  FriendliError,
  InternalServerError,
  InvalidInputError,
  InvalidResponseError,
  MiddlewareError,
  NotFoundError,
  PageLimitError,
  PermissionDeniedError,
  RateLimitError,
  ResponseTooLargeError,
  StreamEventError,
  StreamInterruptedError,
  StreamParseError,
  ValidationError,
} from "@friendli-ts/client/errors";
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
  type FamilyOptions,
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
export type {
  AudioApi,
  Transcription,
  TranscriptionBody,
  TranscriptionStream,
  TranscriptionStreamBody,
  TranscriptionStreamEvent,
  TranscriptionsApi,
} from "./families/audio.ts";
export type {
  ChatApi,
  ChatCompleteBody,
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionStream,
  ChatParseBody,
  ChatStreamBody,
} from "./families/chat.ts";
export type {
  ChatRenderApi,
  ChatRenderBody,
  ChatRenderResult,
} from "./families/chat-render.ts";
export type {
  ClassificationApi,
  ClassifyBody,
  ClassifyResult,
} from "./families/classification.ts";
export type {
  Completion,
  CompletionStream,
  CompletionsApi,
  CompletionsBody,
  CompletionsStreamBody,
} from "./families/completions.ts";
export type {
  EmbeddingsApi,
  EmbeddingsBody,
  EmbeddingsResult,
} from "./families/embeddings.ts";
export type {
  ImageEditBody,
  ImageEditResult,
  ImageGenerateBody,
  ImageGenerateResult,
  ImagesApi,
} from "./families/images.ts";
export type {
  KnowledgeApi,
  KnowledgeRetrieveBody,
  KnowledgeRetrieveResult,
} from "./families/knowledge.ts";
export type {
  MessagesApi,
  MessagesBody,
  MessagesEvent,
  MessagesResult,
  MessagesStream,
  MessagesStreamBody,
} from "./families/messages.ts";
export type {
  ModelsApi,
  OpenRouterModelList,
  ServerlessModelList,
} from "./families/models.ts";
export type {
  ResponsesApi,
  ResponsesBody,
  ResponsesEvent,
  ResponsesResultOf,
  ResponsesStream,
  ResponsesStreamBody,
} from "./families/responses.ts";
export type {
  DetokenizeBody,
  DetokenizeResult,
  TokenApi,
  TokenizeBody,
  TokenizeResult,
} from "./families/token.ts";
export type {
  ToolAssistedChatApi,
  ToolAssistedChatBody,
  ToolAssistedChatResult,
  ToolAssistedChatStream,
  ToolAssistedChatStreamBody,
} from "./families/tool-assisted-chat.ts";
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
export {
  type RunToolsOptions,
  type RunToolsResult,
  ToolLoopLimitError,
} from "./helpers/run-tools.ts";
export { StructuredOutputError } from "./helpers/structured-output-error.ts";
export type { SchemaIssue } from "./helpers/validate-json-schema.ts";
export { chatSnapshots } from "./streams/chat-snapshots.ts";
export type {
  CollectedChatChoice,
  CollectedChatCompletion,
  CollectedChatMessage,
} from "./streams/collect-chat-completion.ts";
export type {
  CollectedCompletion,
  CollectedCompletionChoice,
  CompletionChunk,
} from "./streams/collect-completion.ts";
export type { CollectedMessage } from "./streams/collect-message.ts";
export type { ResponsesResult } from "./streams/collect-response.ts";
export type {
  CollectedToolAssistedChat,
  ToolAssistedChatEvent,
  ToolStatus,
} from "./streams/collect-tool-assisted-chat.ts";
export type { CollectedTranscription } from "./streams/collect-transcription.ts";
export { InferenceStream } from "./streams/inference-stream.ts";
export { rebuildStream } from "./streams/rebuild-stream.ts";
export type { UploadInput } from "./to-upload-blob.ts";
