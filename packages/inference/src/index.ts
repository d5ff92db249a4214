export * from "./create-friendli-inference.ts";
export * from "./families/audio.ts";
export * from "./families/chat.ts";
export * from "./families/chat-render.ts";
export * from "./families/classification.ts";
export * from "./families/completions.ts";
export * from "./families/embeddings.ts";
export * from "./families/images.ts";
export * from "./families/knowledge.ts";
export * from "./families/messages.ts";
export * from "./families/models.ts";
export * from "./families/responses.ts";
export * from "./families/token.ts";
export * from "./families/tool-assisted-chat.ts";
export * from "./helpers/function-tool.ts";
export * from "./helpers/output-schema.ts";
export * from "./helpers/parse-chat-completion.ts";
export * from "./helpers/run-tools.ts";
export * from "./helpers/structured-output-error.ts";
export * from "./helpers/validate-json-schema.ts";
export { operationMethods } from "./operation-methods.ts";
export type { RequestOptions } from "./request-options.ts";
export type {
  JsonBody,
  JsonResult,
  MultipartBody,
  NoStreamFlag,
  Prefix,
  StreamData,
  StreamRequest,
} from "./spec-types.ts";
export * from "./streams/chat-snapshots.ts";
export * from "./streams/collect-chat-completion.ts";
export * from "./streams/collect-completion.ts";
export * from "./streams/collect-message.ts";
export * from "./streams/collect-response.ts";
export * from "./streams/collect-tool-assisted-chat.ts";
export * from "./streams/collect-transcription.ts";
export * from "./streams/inference-stream.ts";
export * from "./streams/rebuild-stream.ts";
export * from "./streams/stream-kinds.ts";
export { toUploadBlob, type UploadInput } from "./to-upload-blob.ts";
