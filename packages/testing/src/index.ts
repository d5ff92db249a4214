// The mock of the Friendli API for contract tests (Node only): the server, and the same engine
// as a `fetch` function. The drift check is `./drift`; the fetch alone, for browsers and workers, `./in-process`.

export {
  DEFAULT_MAX_BODY_BYTES,
  type MockFetch,
  type MockFetchOptions,
} from "./in-process/create-mock-fetch.ts";
export { MockReplyError, type ReplyEvent, type ReplyIssue } from "./mock/check-reply.ts";
export type { CorsOptions } from "./mock/cors-headers.ts";
export { createMockFetch } from "./mock/create-mock-fetch-node.ts";
export type { CallFault } from "./mock/faults/answer-faults.ts";
export type { MockControls } from "./mock/mock-engine.ts";
export type {
  MockBody,
  MockEvent,
  MockFaultEvent,
  MockJsonReply,
  MockReply,
  MockResetReply,
  MockStreamReply,
  RespondOptions,
} from "./mock/mock-reply-types.ts";
export type { MockStorage, StorageRequest, StoredObject } from "./mock/mock-storage.ts";
export { type MockServer, type MockServerOptions, startMockServer } from "./mock/start-mock-server.ts";
export { formatCall, parseCall, type RecordedCall } from "./mock/start-recording-proxy.ts";
export type { EndpointStep, MockEndpointStatus, MockEndpoints } from "./mock/state/endpoint-state.ts";
export type { StateLimits } from "./mock/state/state-limits.ts";
