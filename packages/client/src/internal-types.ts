// The types the `/internal` entry's signatures name, and the types those name in turn, as one
// namespace, `InternalTypes`, so the entry's report is complete (no type it uses is unreachable)
// without top-level names no sibling imports. Many are public names too (`CallOptions`, `Stream`);
// the rest exist only for the wrappers. no-forgotten-exports.test.ts fails on a member the
// entry's report does not name outside this namespace.
export type { CallOptions, ResolvedCall } from "./client/call-options.ts";
export type { SharedClientOptions } from "./client/client-from-options.ts";
export type { FriendliClient } from "./client/create-friendli-client.ts";
export type { NonStreamPath, OperationCall, StreamCall, UrlCall } from "./client/make-request.ts";
export type { OpenStream } from "./client/open-stream.ts";
export type { HandOver } from "./client/releasing-body.ts";
export type {
  CallInit,
  CallMethod,
  CallParams,
  CallResult,
  InitParam,
  OperationOf,
  StreamContent,
  StreamEvent,
  StreamInit,
  StreamPath,
  SuccessData,
} from "./client/typed-methods.ts";
export type { Method, SpecPath } from "./operations/route.ts";
export type { PagedItems } from "./pagination/paged-items.ts";
export type { Page } from "./pagination/paginate.ts";
export type { DecodedEvent } from "./sse/decode-event.ts";
export type { SseMessage } from "./sse/read-sse.ts";
export type { PickFromJson, Source, SseStreamOptions, Stream } from "./sse/stream.ts";
export type { StreamRule } from "./sse/stream-rule.ts";
export type {
  ClientOptions,
  ResolvedClientOptions,
  RetryOptions,
  SizeLimits,
  TokenSource,
} from "./transport/client-options.ts";
export type {
  CallSettings,
  OutgoingRequest,
  SentResponse,
  Transport,
  WireBody,
} from "./transport/create-transport.ts";
export type { LinkedAbort } from "./transport/linked-abort.ts";
export type { Logger, LogLevel } from "./transport/logger.ts";
export type { Middleware, MiddlewareContext } from "./transport/middleware.ts";
export type { CappedBody, ReadCappedOptions } from "./transport/read-body-capped.ts";
