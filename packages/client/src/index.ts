export { createFriendliClient, type FriendliClient } from "./client/create-friendli-client.ts";
export { type CallOptions, type PreparedCall, prepareCall } from "./client/prepare-call.ts";
export { toFormData } from "./client/to-form-data.ts";
export type {
  CallInit,
  CallMethod,
  CallResult,
  Paths,
  StreamBody,
  StreamEvent,
  StreamInit,
  StreamPath,
  SuccessData,
} from "./client/typed-methods.ts";
export * from "./errors/index.ts";
export { type OperationId, operations } from "./generated/operations.ts";
export type { components, operations as operationTypes, paths } from "./generated/schema.ts";
export { specSha256 } from "./generated/spec-version.ts";
export { findOperation, type OperationInfo } from "./operations/find-operation.ts";
export { isIdempotent } from "./operations/is-idempotent.ts";
export type { DecodedEvent } from "./sse/decode-event.ts";
export { iterateSseMessages, type SseMessage } from "./sse/iterate-sse-messages.ts";
export { Stream } from "./sse/stream.ts";
export { type StreamEndRule, streamEndRuleFor } from "./sse/stream-end-rules.ts";
export {
  type ClientOptions,
  DEFAULT_BASE_URL,
  type ResolvedClientOptions,
  type RetryOptions,
} from "./transport/client-options.ts";
export { combineSignals } from "./transport/combine-signals.ts";
export type { TransportFetch } from "./transport/create-transport-fetch.ts";
export type { Logger, LogLevel } from "./transport/logger.ts";
export { parseRetryAfter } from "./transport/parse-retry-after.ts";
export { readEnv } from "./transport/read-env.ts";
export { sleep } from "./transport/sleep.ts";
