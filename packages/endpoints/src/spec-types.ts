import type { components, paths } from "@friendli-ts/client";

// Every type here is read from the generated spec types, so a spec change that breaks a
// wrapper breaks the type check instead of drifting silently.

type Schemas = components["schemas"];

/** The JSON request body of an operation. */
export type JsonBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody: { content: { "application/json": infer Body } };
}
  ? Body
  : never;

/** The JSON body of an operation's 200 answer. */
export type JsonResult<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { "application/json": infer Result } } };
}
  ? Result
  : never;

/** The query parameters of an operation. */
export type QueryOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  parameters: { query?: infer Query };
}
  ? NonNullable<Query>
  : never;

export type EndpointStatus = Schemas["DedicatedEndpointStatus"];
export type EndpointStatusName = Schemas["InferenceDeploymentStatus"];
export type EndpointPhase = NonNullable<EndpointStatus["phase"]>;
export type EndpointErrorCode = Schemas["InferenceDeploymentErrorCode"];
export type EndpointSpec = Schemas["DedicatedEndpointSpec"];

export type CreateEndpointBody = JsonBody<"/dedicated/beta/endpoint", "post">;
export type UpdateEndpointBody = JsonBody<"/dedicated/beta/endpoint/{endpoint_id}", "put">;
export type WandbArtifactCreateBody = JsonBody<"/dedicated/endpoint/wandb-artifact-create", "post">;
export type WandbArtifactCreateResult = JsonResult<"/dedicated/endpoint/wandb-artifact-create", "post">;

// The spec marks `cursor` and `nextCursor` as `format: binary`, which the generator turns
// into Blob; on the wire both are plain strings, so the wrappers take and give strings.
type WithStringCursor<T> = Omit<T, "cursor"> & { cursor?: string | null };
// `data` has a default of {} in the spec, so the wrappers fill it in when it is missing.
type WithStringNextCursor<T extends { data?: unknown }> = Omit<T, "nextCursor" | "data"> & {
  data: NonNullable<T["data"]>;
  nextCursor: string | null;
};

export type ListEndpointsQuery = WithStringCursor<QueryOf<"/dedicated/beta/endpoint", "get">>;
export type ListVersionsQuery = WithStringCursor<QueryOf<"/dedicated/beta/endpoint/{endpoint_id}/version", "get">>;
export type EndpointListPage = WithStringNextCursor<JsonResult<"/dedicated/beta/endpoint", "get">>;
export type EndpointVersionPage = WithStringNextCursor<
  JsonResult<"/dedicated/beta/endpoint/{endpoint_id}/version", "get">
>;

/** One endpoint of a list: the status the API reports, plus the id it was keyed by. */
export type ListedEndpoint = EndpointStatus & { endpointId: string };
/** One entry of an endpoint's version history, plus the key the API gave it. */
export type EndpointVersion = EndpointSpec & { version: string };

/** A point in time: a Date, or an ISO 8601 string with a time zone (or a bare date, read as UTC). */
export type TimeInput = Date | string;
type WithTimeInputs<T> = Omit<T, "start_time" | "end_time"> & { start_time: TimeInput; end_time: TimeInput };

export type CostQuery = WithTimeInputs<QueryOf<"/v1/team/cost", "get">>;
export type UsageQuery = WithTimeInputs<QueryOf<"/v1/team/usage", "get">>;
export type CostPage = JsonResult<"/v1/team/cost", "get">;
export type UsagePage = JsonResult<"/v1/team/usage", "get">;
export type CostBucket = CostPage["data"][number];
export type UsageBucket = UsagePage["data"][number];
