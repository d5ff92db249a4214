import type * as EndpointTypes from "./endpoint-types.ts";

export { type CallOptions, type ClientOptions, PagedItems, type SharedClientOptions } from "@friendli-ts/client";
// Every error class of the client, so this package alone is enough to `instanceof` what it throws.
export * from "@friendli-ts/client/errors";
export {
  createFriendliEndpoints,
  type FriendliEndpoints,
} from "./create-friendli-endpoints.ts";
export { EndpointFailedError } from "./endpoint-failed-error.ts";
export { EndpointIdMissingError } from "./endpoint-id-missing-error.ts";
export { EndpointNotFoundError } from "./endpoint-not-found-error.ts";
export { ENDPOINT_STATUSES } from "./endpoint-statuses.ts";
export { EndpointWaitTimeoutError } from "./endpoint-wait-timeout-error.ts";
// The bodies a caller builds and the records it keeps; the rest (queries, passed inline) is in EndpointTypes.
export type {
  CostBucket,
  CreateEndpointBody,
  EndpointStatus,
  EndpointStatusName,
  UpdateEndpointBody,
  UsageBucket,
} from "./spec-types.ts";
export { previousUtcMonth, utcMonthRange } from "./utc-month-range.ts";
export type { WaitOptions, WaitProgress } from "./wait-for-endpoint.ts";
// Every other type the signatures use, under one name: `EndpointTypes.EndpointListPage`.
export type { EndpointTypes };
