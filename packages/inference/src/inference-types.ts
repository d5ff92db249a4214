// The types the package's signatures use, which users seldom write: the index exports them as
// one namespace, `InferenceTypes`, so they are reachable and documented without being top-level names.

export type { DeclaredOnly, StreamOpening } from "./build-family.ts";
export type {
  ContainerInference,
  DedicatedInference,
  KindInference,
  ServerlessInference,
} from "./create-friendli-inference.ts";
export type { DEPLOYMENT_KINDS, DeploymentKind, KindAt, KindsWith, PrefixOf } from "./deployment-kinds.ts";
export type {
  AudioApi,
  Transcription,
  TranscriptionBody,
  TranscriptionStream,
  TranscriptionStreamBody,
  TranscriptionStreamEvent,
  TranscriptionsApi,
  TranscriptionsKey,
  TranscriptionsStreamKey,
  WithUpload,
} from "./families/audio.ts";
export type {
  ChatApi,
  ChatCalls,
  ChatCompleteBody,
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionStream,
  ChatFamilyApi,
  ChatKey,
  ChatParseBody,
  ChatStreamBody,
  ChatStreamKey,
  chatFamily,
} from "./families/chat.ts";
export type {
  ClassificationApi,
  ClassificationPrefix,
  ClassifyBody,
  ClassifyKey,
  ClassifyResult,
} from "./families/classification.ts";
export type {
  Completion,
  CompletionStream,
  CompletionsApi,
  CompletionsBody,
  CompletionsKey,
  CompletionsStreamBody,
  CompletionsStreamKey,
} from "./families/completions.ts";
export type { EmbeddingsApi, EmbeddingsBody, EmbeddingsKey, EmbeddingsResult } from "./families/embeddings.ts";
export type { FamilyApis } from "./families/family-apis.ts";
export type {
  EditKey,
  GenerateKey,
  ImageEditBody,
  ImageEditResult,
  ImageGenerateBody,
  ImageGenerateResult,
  ImagesApi,
  ImagesPrefix,
} from "./families/images.ts";
export type {
  KnowledgeApi,
  KnowledgeKey,
  KnowledgeRetrieveBody,
  KnowledgeRetrieveResult,
} from "./families/knowledge.ts";
export type {
  MessagesApi,
  MessagesBody,
  MessagesEvent,
  MessagesKey,
  MessagesResult,
  MessagesStream,
  MessagesStreamBody,
  MessagesStreamKey,
} from "./families/messages.ts";
export type { ModelsApi, OpenRouterModelList, ServerlessModelList } from "./families/models.ts";
export type {
  ResponsesApi,
  ResponsesBody,
  ResponsesEvent,
  ResponsesKey,
  ResponsesResultOf,
  ResponsesStream,
  ResponsesStreamBody,
  ResponsesStreamKey,
} from "./families/responses.ts";
export type {
  DetokenizeBody,
  DetokenizeKey,
  DetokenizeResult,
  TokenApi,
  TokenizeBody,
  TokenizeKey,
  TokenizeResult,
} from "./families/token.ts";
export type {
  ToolAssistedChatApi,
  ToolAssistedChatBody,
  ToolAssistedChatResult,
  ToolAssistedChatStream,
  ToolAssistedChatStreamBody,
  ToolsKey,
  ToolsStreamKey,
} from "./families/tool-assisted-chat.ts";
export type { FunctionTool, ToolRunContext } from "./helpers/function-tool.ts";
export type {
  JsonSchema,
  OutputSchema,
  SchemaOutput,
  StandardResult,
  StandardSchemaLike,
} from "./helpers/output-schema.ts";
export type { Parsed } from "./helpers/parse-chat-completion.ts";
export type { Message, RunToolsOptions, RunToolsResult } from "./helpers/run-tools.ts";
export type { SchemaIssue } from "./helpers/validate-json-schema.ts";
export type { At, FinalResult, InferenceMethod, MethodAt, MethodPaths, StreamItem } from "./method-types.ts";
export type { NoStreamFlag, Prefix, Schemas, SpecKey, StreamKey } from "./spec-types.ts";
export type {
  ChatChoice,
  ChatChunk,
  ChatResult,
  CollectedChatChoice,
  CollectedChatCompletion,
  CollectedChatMessage,
} from "./streams/collect-chat-completion.ts";
export type {
  CollectedCompletion,
  CollectedCompletionChoice,
  CompletionChunk,
  CompletionsResult,
} from "./streams/collect-completion.ts";
export type { Block, CollectedMessage, Envelope, MessagesStreamItem } from "./streams/collect-message.ts";
export type { ResponsesResult, ResponsesStreamItem } from "./streams/collect-response.ts";
export type {
  CollectedToolAssistedChat,
  ToolAssistedChatEvent,
  ToolStatus,
} from "./streams/collect-tool-assisted-chat.ts";
export type { CollectedTranscription, TranscriptionEvent } from "./streams/collect-transcription.ts";
export type { InferenceStream, StreamKind } from "./streams/inference-stream.ts";
export type { StreamFamilies } from "./streams/stream-kinds.ts";
export type { UploadInput } from "./to-upload-blob.ts";
