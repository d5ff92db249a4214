// The types the package's signatures use that users seldom write by name (pages, parts of a
// record, the operations' interfaces): the index exports them as one namespace,
// `EndpointTypes`, so they are reachable and documented without being top-level names.
export type { EndpointOperations } from "./endpoint-operations.ts";
export type {
  CostPage,
  EndpointErrorCode,
  EndpointListPage,
  EndpointPhase,
  EndpointSpec,
  EndpointVersion,
  EndpointVersionPage,
  ListedEndpoint,
  ListPage,
  Schemas,
  TimeInput,
  UsagePage,
  WandbArtifactCreateResult,
  WithTimeInputs,
} from "./spec-types.ts";
export type { TeamCost } from "./team-cost.ts";
export type { TeamUsage } from "./team-usage.ts";
