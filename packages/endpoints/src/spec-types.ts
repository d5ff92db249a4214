import type { components, QueryParams, RequestBody, SuccessData } from "@friendli-ts/client";

// Every type here is a name for a generated spec type, read through the client's helpers,
// so a spec change that breaks a wrapper breaks the type check instead of drifting silently.

export type Schemas = components["schemas"];

export type EndpointStatus = Schemas["DedicatedEndpointStatus"];
export type EndpointStatusName = Schemas["InferenceDeploymentStatus"];
export type EndpointPhase = NonNullable<EndpointStatus["phase"]>;
export type EndpointErrorCode = Schemas["InferenceDeploymentErrorCode"];
export type EndpointSpec = Schemas["DedicatedEndpointSpec"];

export type CreateEndpointBody = RequestBody<"/dedicated/beta/endpoint", "post">;
export type UpdateEndpointBody = RequestBody<"/dedicated/beta/endpoint/{endpoint_id}", "put">;
export type WandbArtifactCreateBody = RequestBody<"/dedicated/endpoint/wandb-artifact-create", "post">;
export type WandbArtifactCreateResult = SuccessData<"/dedicated/endpoint/wandb-artifact-create", "post">;

export type ListEndpointsQuery = QueryParams<"/dedicated/beta/endpoint", "get">;
export type ListVersionsQuery = QueryParams<"/dedicated/beta/endpoint/{endpoint_id}/version", "get">;

// A list page as the wrappers return it: `data` (a default of {} in the spec) filled in when
// missing, and `nextCursor` null when there is no next page (the API may send "" or omit it).
export type ListPage<T extends { data?: unknown }> = Omit<T, "nextCursor" | "data"> & {
  data: NonNullable<T["data"]>;
  nextCursor: string | null;
};

export type EndpointListPage = ListPage<SuccessData<"/dedicated/beta/endpoint", "get">>;
export type EndpointVersionPage = ListPage<SuccessData<"/dedicated/beta/endpoint/{endpoint_id}/version", "get">>;

/** One endpoint of a list: the status the API reports, plus the id it was keyed by. */
export type ListedEndpoint = EndpointStatus & { endpointId: string };
/** One entry of an endpoint's version history, plus the key the API gave it. */
export type EndpointVersion = EndpointSpec & { version: string };

/** A point in time: a Date, or an ISO 8601 string with a time zone (or a bare date, read as UTC). */
export type TimeInput = Date | string;
export type WithTimeInputs<T> = Omit<T, "start_time" | "end_time"> & { start_time: TimeInput; end_time: TimeInput };

export type CostQuery = WithTimeInputs<QueryParams<"/v1/team/cost", "get">>;
export type UsageQuery = WithTimeInputs<QueryParams<"/v1/team/usage", "get">>;
export type CostPage = SuccessData<"/v1/team/cost", "get">;
export type UsagePage = SuccessData<"/v1/team/usage", "get">;
export type CostBucket = CostPage["data"][number];
export type UsageBucket = UsagePage["data"][number];
