import type { CallOptions, PagedItems } from "@friendli-ts/client";
import {
  type CallCore,
  checkedAnswer,
  makeRequest,
  notAnObject,
  paginate,
  requestData,
} from "@friendli-ts/client/internal";
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
import { dataIsAnObjectOfObjects, endpointIdIsText, statusIsText } from "./answer-problems.ts";
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

/** The create call with its raw response, for `createAndWait`, which reads its Location header. */
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

// The calls that take only the endpoint's id and answer its status: the status itself and the
// PUT actions (each answers the new status).
const statusRoutes = {
  status: dedicatedGetEndpointStatus,
  sleep: dedicatedSleepEndpoint,
  wake: dedicatedWakeEndpoint,
  terminate: dedicatedTerminateEndpoint,
  restart: dedicatedRestartEndpoint,
};

export function endpointOperations(core: CallCore): EndpointOperations {
  const byId = (endpointId: string) => ({ path: { endpoint_id: endpointId } });
  // Every call about one endpoint names it in its 404.
  const aboutEndpoint =
    <Args extends unknown[], T>(method: (endpointId: string, ...args: Args) => Promise<T>) =>
    (endpointId: string, ...args: Args) =>
      namingEndpointOn404(endpointId, () => method(endpointId, ...args));
  const statusCall = (verb: keyof typeof statusRoutes) =>
    aboutEndpoint((endpointId, options?: CallOptions) =>
      requestData(
        core,
        `endpoints.${verb}`,
        { route: statusRoutes[verb], params: byId(endpointId) },
        options,
        notAnObject,
        statusIsText,
      ),
    );

  const operations: EndpointOperations = {
    create: async (body, options) => (await createEndpoint(core, body, options)).data,
    createFromWandbArtifact: (body, options) =>
      requestData(
        core,
        "endpoints.createFromWandbArtifact",
        { route: dedicatedEndpointWandbArtifactCreate, body },
        options,
        notAnObject,
        endpointIdIsText,
      ),
    async list(query = {}, options) {
      const params = { query: withCursor(query, query.cursor) };
      const data = await requestData(
        core,
        "endpoints.list",
        { route: dedicatedListEndpoints, params },
        options,
        notAnObject,
        dataIsAnObjectOfObjects,
      );
      return { ...data, data: data.data ?? {}, nextCursor: readNextCursor(data.nextCursor) };
    },
    // JSON objects keep the server's key order (integer-like keys aside, which sort first).
    listAll: (query = {}, options) =>
      paginate(core, query.cursor, async (cursor) => {
        const page = await operations.list(withCursor(query, cursor), options);
        return {
          items: Object.entries(page.data).map(([endpointId, status]) => ({ ...status, endpointId })),
          next: page.nextCursor,
        };
      }),
    get: aboutEndpoint((endpointId, options?: CallOptions) =>
      requestData(
        core,
        "endpoints.get",
        { route: dedicatedGetEndpoint, params: byId(endpointId) },
        options,
        notAnObject,
      ),
    ),
    update: aboutEndpoint((endpointId, body: UpdateEndpointBody, options?: CallOptions) =>
      requestData(
        core,
        "endpoints.update",
        { route: dedicatedUpdateEndpoint, params: byId(endpointId), body },
        options,
        notAnObject,
      ),
    ),
    delete: aboutEndpoint(async (endpointId, options?: CallOptions) => {
      await requestData(
        core,
        "endpoints.delete",
        { route: dedicatedDeleteEndpoint, params: byId(endpointId) },
        options,
      );
    }),
    status: statusCall("status"),
    listVersions: aboutEndpoint(async (endpointId, query: ListVersionsQuery = {}, options?: CallOptions) => {
      const params = { ...byId(endpointId), query: withCursor(query, query.cursor) };
      const call = { route: dedicatedGetEndpointVersionHistory, params };
      const data = await requestData(
        core,
        "endpoints.listVersions",
        call,
        options,
        notAnObject,
        dataIsAnObjectOfObjects,
      );
      return { ...data, data: data.data ?? {}, nextCursor: readNextCursor(data.nextCursor) };
    }),
    listAllVersions: (endpointId, query = {}, options) =>
      paginate(core, query.cursor, async (cursor) => {
        const page = await operations.listVersions(endpointId, withCursor(query, cursor), options);
        return {
          items: Object.entries(page.data).map(([version, spec]) => ({ ...spec, version })),
          next: page.nextCursor,
        };
      }),
    sleep: statusCall("sleep"),
    wake: statusCall("wake"),
    terminate: statusCall("terminate"),
    restart: statusCall("restart"),
  };
  return operations;
}

/** The spec operations this file calls, by method name (collected in operation-methods.ts). */
export const endpointMethods = {
  dedicatedCreateEndpoint: "create",
  dedicatedEndpointWandbArtifactCreate: "createFromWandbArtifact",
  dedicatedListEndpoints: "list",
  dedicatedGetEndpoint: "get",
  dedicatedUpdateEndpoint: "update",
  dedicatedDeleteEndpoint: "delete",
  dedicatedGetEndpointStatus: "status",
  dedicatedGetEndpointVersionHistory: "listVersions",
  dedicatedSleepEndpoint: "sleep",
  dedicatedWakeEndpoint: "wake",
  dedicatedTerminateEndpoint: "terminate",
  dedicatedRestartEndpoint: "restart",
} as const;
