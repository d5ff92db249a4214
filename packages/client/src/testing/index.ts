// Node-only helpers for testing code that uses the SDK; not part of the runtime bundle.

export { MockReplyError, type ReplyEvent, type ReplyIssue } from "./check-reply.ts";
export type { CorsOptions } from "./cors-headers.ts";
export type {
  MockBody,
  MockEvent,
  MockJsonReply,
  MockReply,
  MockStreamReply,
  RespondOptions,
} from "./mock-reply-types.ts";
export type { MockStorage, StorageRequest, StoredObject } from "./mock-storage.ts";
export { type MockServer, type MockServerOptions, startMockServer } from "./start-mock-server.ts";
export { formatCall, parseCall, type RecordedCall } from "./start-recording-proxy.ts";
