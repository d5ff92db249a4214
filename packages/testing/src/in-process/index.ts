// The mock of the Friendli API in process: a `fetch` function, web APIs only (Node, browsers,
// workers). Give it the spec document (`@friendli-ts/testing/spec.json`); in Node the main
// entry's `createMockFetch` loads the one shipped with the package by itself.

import type * as MockTypes from "../mock/mock-types.ts";

export { MockReplyError, type ReplyEvent, type ReplyIssue } from "../mock/check-reply.ts";
export type { CallFault } from "../mock/faults/answer-faults.ts";
export type { MockControls } from "../mock/mock-engine.ts";
export type {
  MockBody,
  MockEvent,
  MockFaultEvent,
  MockJsonReply,
  MockReply,
  MockResetReply,
  MockStreamReply,
  RespondOptions,
} from "../mock/mock-reply-types.ts";
export type { MockStorage, StorageRequest, StoredObject } from "../mock/mock-storage.ts";
export type { RecordedCall } from "../mock/start-recording-proxy.ts";
export type { EndpointStep, MockEndpointStatus, MockEndpoints } from "../mock/state/create-endpoint-state.ts";
export type { StateLimits } from "../mock/state/state-limits.ts";
export { createMockFetch, DEFAULT_MAX_BODY_BYTES, type MockFetch, type MockFetchOptions } from "./create-mock-fetch.ts";
// The helper types the reply types are built from, under one name.
export type { MockTypes };
