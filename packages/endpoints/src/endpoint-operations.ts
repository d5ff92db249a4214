import { type CallOptions, type FriendliClient, prepareCall } from "@friendli-ts/client";
import { namingEndpointOn404 } from "./endpoint-not-found-error.ts";
import { type PagedItems, type PaginationOptions, paginateByCursor } from "./paginate-by-cursor.ts";
import { requireEndpointId } from "./require-endpoint-id.ts";
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
  /** Every endpoint across pages; `limit` is the page size. */
  listAll(query?: ListEndpointsQuery, options?: CallOptions & PaginationOptions): PagedItems<ListedEndpoint>;
  get(endpointId: string, options?: CallOptions): Promise<EndpointSpec>;
  update(endpointId: string, body: UpdateEndpointBody, options?: CallOptions): Promise<EndpointSpec>;
  delete(endpointId: string, options?: CallOptions): Promise<void>;
  status(endpointId: string, options?: CallOptions): Promise<EndpointStatus>;
  /** One page of an endpoint's version history. */
  listVersions(endpointId: string, query?: ListVersionsQuery, options?: CallOptions): Promise<EndpointVersionPage>;
  /** Every version across pages. */
  listAllVersions(
    endpointId: string,
    query?: ListVersionsQuery,
    options?: CallOptions & PaginationOptions,
  ): PagedItems<EndpointVersion>;
  sleep(endpointId: string, options?: CallOptions): Promise<EndpointStatus>;
  wake(endpointId: string, options?: CallOptions): Promise<EndpointStatus>;
  terminate(endpointId: string, options?: CallOptions): Promise<EndpointStatus>;
  restart(endpointId: string, options?: CallOptions): Promise<EndpointStatus>;
}

/** The create call with its raw response, for helpers that need more than the body. */
export async function createEndpoint(
  client: FriendliClient,
  body: CreateEndpointBody,
  options?: CallOptions,
): Promise<{ data: EndpointStatus; response: Response }> {
  const { client: api, header, signal, headers } = prepareCall(client, options);
  return api.POST("/dedicated/beta/endpoint", { body, params: { header }, signal, headers });
}

// The spec types cursors as Blob (`format: binary`); the API sends and takes strings.
function cursorParam(cursor: string | null | undefined): { cursor?: Blob } {
  return cursor ? { cursor: cursor as unknown as Blob } : {};
}

function readNextCursor(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

export function endpointOperations(client: FriendliClient): EndpointOperations {
  const list = async (query: ListEndpointsQuery = {}, options?: CallOptions): Promise<EndpointListPage> => {
    const { client: api, header, signal, headers } = prepareCall(client, options);
    const { cursor, ...rest } = query;
    const { data } = await api.GET("/dedicated/beta/endpoint", {
      params: { query: { ...rest, ...cursorParam(cursor) }, header },
      signal,
      headers,
    });
    return { ...data, data: data.data ?? {}, nextCursor: readNextCursor(data.nextCursor) };
  };

  const listVersions = async (
    endpointId: string,
    query: ListVersionsQuery = {},
    options?: CallOptions,
  ): Promise<EndpointVersionPage> => {
    const id = requireEndpointId(endpointId);
    const { client: api, header, signal, headers } = prepareCall(client, options);
    const { cursor, ...rest } = query;
    return namingEndpointOn404(id, async () => {
      const { data } = await api.GET("/dedicated/beta/endpoint/{endpoint_id}/version", {
        params: { path: { endpoint_id: id }, query: { ...rest, ...cursorParam(cursor) }, header },
        signal,
        headers,
      });
      return { ...data, data: data.data ?? {}, nextCursor: readNextCursor(data.nextCursor) };
    });
  };

  // The PUT actions share one shape: an id in, the new status out.
  const action =
    (verb: "sleep" | "wake" | "terminate" | "restart") =>
    async (endpointId: string, options?: CallOptions): Promise<EndpointStatus> => {
      const id = requireEndpointId(endpointId);
      const { client: api, header, signal, headers } = prepareCall(client, options);
      return namingEndpointOn404(id, async () => {
        const init = { params: { path: { endpoint_id: id }, header }, signal, headers };
        const { data } = await (verb === "sleep"
          ? api.PUT("/dedicated/beta/endpoint/{endpoint_id}/sleep", init)
          : verb === "wake"
            ? api.PUT("/dedicated/beta/endpoint/{endpoint_id}/wake", init)
            : verb === "terminate"
              ? api.PUT("/dedicated/beta/endpoint/{endpoint_id}/terminate", init)
              : api.PUT("/dedicated/beta/endpoint/{endpoint_id}/restart", init));
        return data;
      });
    };

  return {
    async create(body, options) {
      return (await createEndpoint(client, body, options)).data;
    },

    async createFromWandbArtifact(body, options) {
      const { client: api, header, signal, headers } = prepareCall(client, options);
      const { data } = await api.POST("/dedicated/endpoint/wandb-artifact-create", {
        body,
        params: { header },
        signal,
        headers,
      });
      return data;
    },

    list,

    listAll(query = {}, options = {}) {
      const { maxItems, maxPages, ...call } = options;
      return paginateByCursor(
        async (cursor) => {
          const page = await list({ ...query, cursor }, call);
          // JSON objects keep the server's key order (integer-like keys aside, which sort first).
          const items = Object.entries(page.data).map(([endpointId, status]) => ({ ...status, endpointId }));
          return { items, next: page.nextCursor };
        },
        { maxItems, maxPages, firstCursor: query.cursor },
      );
    },

    async get(endpointId, options) {
      const id = requireEndpointId(endpointId);
      const { client: api, header, signal, headers } = prepareCall(client, options);
      return namingEndpointOn404(id, async () => {
        const { data } = await api.GET("/dedicated/beta/endpoint/{endpoint_id}", {
          params: { path: { endpoint_id: id }, header },
          signal,
          headers,
        });
        return data;
      });
    },

    async update(endpointId, body, options) {
      const id = requireEndpointId(endpointId);
      const { client: api, header, signal, headers } = prepareCall(client, options);
      return namingEndpointOn404(id, async () => {
        const { data } = await api.PUT("/dedicated/beta/endpoint/{endpoint_id}", {
          params: { path: { endpoint_id: id }, header },
          body,
          signal,
          headers,
        });
        return data;
      });
    },

    async delete(endpointId, options) {
      const id = requireEndpointId(endpointId);
      const { client: api, header, signal, headers } = prepareCall(client, options);
      return namingEndpointOn404(id, async () => {
        await api.DELETE("/dedicated/beta/endpoint/{endpoint_id}", {
          params: { path: { endpoint_id: id }, header },
          signal,
          headers,
        });
      });
    },

    async status(endpointId, options) {
      const id = requireEndpointId(endpointId);
      const { client: api, header, signal, headers } = prepareCall(client, options);
      return namingEndpointOn404(id, async () => {
        const { data } = await api.GET("/dedicated/beta/endpoint/{endpoint_id}/status", {
          params: { path: { endpoint_id: id }, header },
          signal,
          headers,
        });
        return data;
      });
    },

    listVersions,

    listAllVersions(endpointId, query = {}, options = {}) {
      requireEndpointId(endpointId);
      const { maxItems, maxPages, ...call } = options;
      return paginateByCursor(
        async (cursor) => {
          const page = await listVersions(endpointId, { ...query, cursor }, call);
          const items = Object.entries(page.data).map(([version, spec]) => ({ ...spec, version }));
          return { items, next: page.nextCursor };
        },
        { maxItems, maxPages, firstCursor: query.cursor },
      );
    },

    sleep: action("sleep"),
    wake: action("wake"),
    terminate: action("terminate"),
    restart: action("restart"),
  };
}
