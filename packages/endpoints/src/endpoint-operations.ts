import type { CallOptions, PagedItems } from "@friendli-ts/client";
import { type CallCore, checkedAnswer, makeRequest, notAnObject, paginate } from "@friendli-ts/client/internal";
import {
  dedicatedCreateEndpoint,
  dedicatedDeleteEndpoint,
  dedicatedEndpointWandbArtifactCreate,
  dedicatedGetEndpoint,
  dedicatedGetEndpointStatus,
  dedicatedGetEndpointVersionHistory,
  dedicatedListEndpoints,
  dedicatedRestartEndpoint,
  dedicatedSleepEndpoint,
  dedicatedTerminateEndpoint,
  dedicatedUpdateEndpoint,
  dedicatedWakeEndpoint,
} from "@friendli-ts/client/routes";
import { dataIsAnObjectOfObjects, statusIsText } from "./answer-problems.ts";
import { namingEndpointOn404 } from "./endpoint-not-found-error.ts";
import type {
  CreateEndpointBody,
  EndpointListPage,
  EndpointSpec,
  EndpointStatus,
  EndpointVersion,
  EndpointVersionPage,
  ListEndpointsQuery,
  ListedEndpoint,
  ListVersionsQuery,
  UpdateEndpointBody,
  WandbArtifactCreateBody,
  WandbArtifactCreateResult,
} from "./spec-types.ts";

/** One typed call per `Dedicated.Endpoint` operation of the spec, plus the list iterators. */
export interface EndpointOperations {
  /** Creates an endpoint; resolves to its first status. */
  create(body: CreateEndpointBody, options?: CallOptions): Promise<EndpointStatus>;
  /** Creates (or rolls out) an endpoint from a Weights & Biases model artifact. */
  createFromWandbArtifact(body: WandbArtifactCreateBody, options?: CallOptions): Promise<WandbArtifactCreateResult>;
  /** One page of the team's (or a project's) endpoints, keyed by endpoint id. */
  list(query?: ListEndpointsQuery, options?: CallOptions): Promise<EndpointListPage>;
  /** Every endpoint across pages, fetched as you read; `limit` is the page size. */
  listAll(query?: ListEndpointsQuery, options?: CallOptions): PagedItems<ListedEndpoint>;
  get(endpointId: string, options?: CallOptions): Promise<EndpointSpec>;
  update(endpointId: string, body: UpdateEndpointBody, options?: CallOptions): Promise<EndpointSpec>;
  delete(endpointId: string, options?: CallOptions): Promise<void>;
  status(endpointId: string, options?: CallOptions): Promise<EndpointStatus>;
  /** One page of an endpoint's version history. */
  listVersions(endpointId: string, query?: ListVersionsQuery, options?: CallOptions): Promise<EndpointVersionPage>;
  /** Every version across pages, fetched as you read. */
  listAllVersions(endpointId: string, query?: ListVersionsQuery, options?: CallOptions): PagedItems<EndpointVersion>;
  sleep(endpointId: string, options?: CallOptions): Promise<EndpointStatus>;
  wake(endpointId: string, options?: CallOptions): Promise<EndpointStatus>;
  terminate(endpointId: string, options?: CallOptions): Promise<EndpointStatus>;
  restart(endpointId: string, options?: CallOptions): Promise<EndpointStatus>;
}

/** The create call with its raw response, for helpers that need more than the body. */
export async function createEndpoint(
  core: CallCore,
  body: CreateEndpointBody,
  options?: CallOptions,
): Promise<{ data: EndpointStatus; response: Response }> {
  const answer = await makeRequest(core, { route: dedicatedCreateEndpoint, body }, options);
  return {
    data: checkedAnswer(core, answer, "endpoints.create", notAnObject, statusIsText),
    response: answer.response,
  };
}

/** A list query without an empty cursor: "" means "from the start", not `?cursor=`. */
function withCursor<Query extends { cursor?: string | null }>(query: Query, cursor: string | null | undefined): Query {
  return { ...query, cursor: cursor || undefined };
}

// The spec types the answer's cursor as Blob (`format: binary`); the API sends a string.
function readNextCursor(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

// The PUT actions share one shape: an id in, the new status out.
const actionRoutes = {
  sleep: dedicatedSleepEndpoint,
  wake: dedicatedWakeEndpoint,
  terminate: dedicatedTerminateEndpoint,
  restart: dedicatedRestartEndpoint,
};

export function endpointOperations(core: CallCore): EndpointOperations {
  const byId = (endpointId: string) => ({ path: { endpoint_id: endpointId } });
  const list = async (query: ListEndpointsQuery = {}, options?: CallOptions): Promise<EndpointListPage> => {
    const params = { query: withCursor(query, query.cursor) };
    const answer = await makeRequest(core, { route: dedicatedListEndpoints, params }, options);
    const data = checkedAnswer(core, answer, "endpoints.list", notAnObject, dataIsAnObjectOfObjects);
    return { ...data, data: data.data ?? {}, nextCursor: readNextCursor(data.nextCursor) };
  };

  const listVersions = (
    endpointId: string,
    query: ListVersionsQuery = {},
    options?: CallOptions,
  ): Promise<EndpointVersionPage> =>
    namingEndpointOn404(endpointId, async () => {
      const params = { ...byId(endpointId), query: withCursor(query, query.cursor) };
      const answer = await makeRequest(core, { route: dedicatedGetEndpointVersionHistory, params }, options);
      const data = checkedAnswer(core, answer, "endpoints.listVersions", notAnObject, dataIsAnObjectOfObjects);
      return { ...data, data: data.data ?? {}, nextCursor: readNextCursor(data.nextCursor) };
    });

  const action =
    (verb: keyof typeof actionRoutes) =>
    (endpointId: string, options?: CallOptions): Promise<EndpointStatus> =>
      namingEndpointOn404(endpointId, async () => {
        const answer = await makeRequest(core, { route: actionRoutes[verb], params: byId(endpointId) }, options);
        return checkedAnswer(core, answer, `endpoints.${verb}`, notAnObject, statusIsText);
      });

  return {
    async create(body, options) {
      return (await createEndpoint(core, body, options)).data;
    },

    async createFromWandbArtifact(body, options) {
      const answer = await makeRequest(core, { route: dedicatedEndpointWandbArtifactCreate, body }, options);
      return checkedAnswer(core, answer, "endpoints.createFromWandbArtifact", notAnObject, (data) =>
        typeof (data as { endpointId?: unknown }).endpointId === "string" ? undefined : "`endpointId` is not text",
      );
    },

    list,

    listAll(query = {}, options) {
      return paginate(core, query.cursor, async (cursor) => {
        const page = await list(withCursor(query, cursor), options);
        // JSON objects keep the server's key order (integer-like keys aside, which sort first).
        const items = Object.entries(page.data).map(([endpointId, status]) => ({ ...status, endpointId }));
        return { items, next: page.nextCursor };
      });
    },

    get: (endpointId, options) =>
      namingEndpointOn404(endpointId, async () => {
        const answer = await makeRequest(core, { route: dedicatedGetEndpoint, params: byId(endpointId) }, options);
        return checkedAnswer(core, answer, "endpoints.get", notAnObject);
      }),

    update: (endpointId, body, options) =>
      namingEndpointOn404(endpointId, async () => {
        const call = { route: dedicatedUpdateEndpoint, params: byId(endpointId), body };
        const answer = await makeRequest(core, call, options);
        return checkedAnswer(core, answer, "endpoints.update", notAnObject);
      }),

    delete: (endpointId, options) =>
      namingEndpointOn404(endpointId, async () => {
        await makeRequest(core, { route: dedicatedDeleteEndpoint, params: byId(endpointId) }, options);
      }),

    status: (endpointId, options) =>
      namingEndpointOn404(endpointId, async () => {
        const call = { route: dedicatedGetEndpointStatus, params: byId(endpointId) };
        const answer = await makeRequest(core, call, options);
        return checkedAnswer(core, answer, "endpoints.status", notAnObject, statusIsText);
      }),

    listVersions,

    listAllVersions(endpointId, query = {}, options) {
      return paginate(core, query.cursor, async (cursor) => {
        const page = await listVersions(endpointId, withCursor(query, cursor), options);
        const items = Object.entries(page.data).map(([version, spec]) => ({ ...spec, version }));
        return { items, next: page.nextCursor };
      });
    },

    sleep: action("sleep"),
    wake: action("wake"),
    terminate: action("terminate"),
    restart: action("restart"),
  };
}
