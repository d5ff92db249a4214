export type { CallOptions } from "./client/call-options.ts";
export { createFriendliClient, type FriendliClient } from "./client/create-friendli-client.ts";
export type {
  CallInit,
  CallMethod,
  CallResult,
  Method,
  Paths,
  QueryParams,
  RequestBody,
  SpecPath,
  StreamBody,
  StreamData,
  StreamEvent,
  StreamInit,
  StreamPath,
  SuccessData,
} from "./client/typed-methods.ts";
export * from "./errors/index.ts";
export {
  createFriendliFetchClient,
  type FriendliFetchClient,
  friendliErrorOf,
} from "./fetch-client/create-friendli-fetch-client.ts";
export type { OperationId } from "./generated/operations.ts";
export type { components, operations as operationTypes, paths } from "./generated/schema.ts";
export { specSha256 } from "./generated/spec-version.ts";
export { PagedItems } from "./pagination/paged-items.ts";
export type { DecodedEvent } from "./sse/decode-event.ts";
export { type SseStreamOptions, Stream } from "./sse/stream.ts";
export {
  type ClientOptions,
  DEFAULT_BASE_URL,
  type RetryOptions,
  type TokenSource,
} from "./transport/client-options.ts";
export type { Logger, LogLevel } from "./transport/logger.ts";
export type { Middleware, MiddlewareContext } from "./transport/middleware.ts";
