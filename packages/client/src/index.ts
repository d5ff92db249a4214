export type { CallOptions } from "./client/call-options.ts";
export { createFriendliClient, type FriendliClient } from "./client/create-friendli-client.ts";
export type {
  QueryParams,
  RequestBody,
  SpecPath,
  StreamBody,
  StreamData,
  StreamPath,
  SuccessData,
} from "./client/typed-methods.ts";
// The error classes, the same list as errors.ts (index.test.ts checks).
export {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ValidationError,
} from "./errors/api-error.ts";
export { APIConnectionError, APITimeoutError, APIUserAbortError } from "./errors/connection-errors.ts";
export { FriendliError, InvalidInputError } from "./errors/friendli-error.ts";
export { InvalidResponseError } from "./errors/invalid-response-error.ts";
export { MiddlewareError } from "./errors/middleware-error.ts";
export { PageLimitError } from "./errors/page-limit-error.ts";
export { ResponseTooLargeError } from "./errors/response-too-large-error.ts";
export { StreamEventError, StreamInterruptedError, StreamParseError } from "./errors/stream-errors.ts";
export {
  createFriendliFetchClient,
  type FriendliFetchClient,
  friendliErrorOf,
} from "./fetch-client/create-friendli-fetch-client.ts";
export type { components, paths } from "./generated/schema.ts";
export { PagedItems } from "./pagination/paged-items.ts";
export { Stream } from "./sse/stream.ts";
export type { ClientOptions, RetryOptions, TokenSource } from "./transport/client-options.ts";
export type { Logger, LogLevel } from "./transport/logger.ts";
export type { Middleware, MiddlewareContext } from "./transport/middleware.ts";
