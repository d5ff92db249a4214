// The types the client's signatures use, which users seldom write: index.ts exports them as one
// namespace, `FriendliClientTypes` (not `ClientTypes`: the DOM has one), so they are reachable
// and documented without being top-level names.
export type {
  CallInit,
  CallMethod,
  CallResult,
  InitParam,
  Method,
  OperationOf,
  StreamContent,
  StreamEvent,
  StreamInit,
} from "./client/typed-methods.ts";
export type { DecodedEvent } from "./sse/decode-event.ts";
export type { Source, SseStreamOptions } from "./sse/stream.ts";
export type { StreamRule } from "./sse/stream-rule.ts";
export type { ResolvedClientOptions, SizeLimits } from "./transport/client-options.ts";
