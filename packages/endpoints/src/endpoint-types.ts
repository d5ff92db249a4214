// The types the package's signatures use that users seldom write by name (pages, parts of a
// record, queries written inline, the operations' interfaces): the index exports them as one
// namespace, `EndpointTypes`, so they are reachable and documented without being top-level names.
export type { WaitForTargetOptions } from "./create-friendli-endpoints.ts";
export type { EndpointOperations } from "./endpoint-operations.ts";
export type {
  CostPage,
  CostQuery,
  EndpointErrorCode,
  EndpointListPage,
  EndpointPhase,
  EndpointSpec,
  EndpointVersion,
  EndpointVersionPage,
  ListEndpointsQuery,
  ListedEndpoint,
  ListPage,
  ListVersionsQuery,
  Schemas,
  TimeInput,
  UsagePage,
  UsageQuery,
  WandbArtifactCreateBody,
  WandbArtifactCreateResult,
  WithTimeInputs,
} from "./spec-types.ts";
export type { TeamCost } from "./team-cost.ts";
export type { TeamUsage } from "./team-usage.ts";
