import type * as FriendliClientTypes from "./client-types.ts";

export type { CallOptions } from "./client/call-options.ts";
export type { SharedClientOptions } from "./client/client-from-options.ts";
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
// The error classes: one list, in errors.ts.
export * from "./errors.ts";
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
// Every other type the signatures use, under one name: `FriendliClientTypes.StreamEvent<P>`.
export type { FriendliClientTypes };
