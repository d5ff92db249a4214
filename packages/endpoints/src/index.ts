export { type CallOptions, type ClientOptions, PagedItems, type SharedClientOptions } from "@friendli-ts/client";
// Every error class of the client, so this package alone is enough to `instanceof` what it throws.
export * from "@friendli-ts/client/errors";
export {
  createFriendliEndpoints,
  type FriendliEndpoints,
  type WaitForTargetOptions,
} from "./create-friendli-endpoints.ts";
export { EndpointFailedError } from "./endpoint-failed-error.ts";
export { EndpointIdMissingError } from "./endpoint-id-missing-error.ts";
export { EndpointNotFoundError } from "./endpoint-not-found-error.ts";
export type { EndpointOperations } from "./endpoint-operations.ts";
export { ENDPOINT_STATUSES, FAILURE_STATUSES, isEndpointStatus } from "./endpoint-statuses.ts";
export { EndpointWaitTimeoutError } from "./endpoint-wait-timeout-error.ts";
export type {
  CostBucket,
  CostPage,
  CostQuery,
  CreateEndpointBody,
  EndpointErrorCode,
  EndpointListPage,
  EndpointPhase,
  EndpointSpec,
  EndpointStatus,
  EndpointStatusName,
  EndpointVersion,
  EndpointVersionPage,
  ListEndpointsQuery,
  ListedEndpoint,
  ListVersionsQuery,
  TimeInput,
  UpdateEndpointBody,
  UsageBucket,
  UsagePage,
  UsageQuery,
  WandbArtifactCreateBody,
  WandbArtifactCreateResult,
} from "./spec-types.ts";
export type { TeamCost } from "./team-cost.ts";
export type { TeamUsage } from "./team-usage.ts";
export { formatApiTime, readTimeRange, type TimeAlignment } from "./time-range.ts";
export { previousUtcMonth, utcMonthRange } from "./utc-month-range.ts";
export { DEFAULT_WAIT_TIMEOUT_MS, type WaitOptions, type WaitProgress } from "./wait-for-endpoint.ts";
