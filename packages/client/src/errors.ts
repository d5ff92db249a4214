// The error classes alone (the types their constructors and fields name are the namespace
// `ErrorTypes`), for the wrappers to re-export: one installed wrapper is enough to `instanceof`
// every error it can throw. index.ts exports them all.
import type * as ErrorTypes from "./error-types.ts";

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
export type { ErrorTypes };
