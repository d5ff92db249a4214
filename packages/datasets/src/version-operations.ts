import { type FriendliClient, prepareCall } from "@friendli-ts/client";
import type { Query, RequestOptions, Result } from "./spec-types.ts";

const VERSIONS = "/beta/dataset/{dataset_id}/version";
const VERSION = "/beta/dataset/{dataset_id}/version/{version_id}";

export type CreateVersionQuery = Query<typeof VERSIONS, "post">;

/** Versions: snapshots of a dataset's splits. */
export function versionOperations(client: FriendliClient) {
  return {
    async create(
      datasetId: string,
      query: CreateVersionQuery,
      options?: RequestOptions,
    ): Promise<Result<typeof VERSIONS, "post">> {
      const { client: api, header, signal, headers } = prepareCall(client, options);
      const params = { path: { dataset_id: datasetId }, query, header };
      return (await api.POST(VERSIONS, { params, signal, headers })).data;
    },
    async list(datasetId: string, options?: RequestOptions): Promise<Result<typeof VERSIONS, "get">> {
      const { client: api, header, signal, headers } = prepareCall(client, options);
      return (await api.GET(VERSIONS, { params: { path: { dataset_id: datasetId }, header }, signal, headers })).data;
    },
    async get(datasetId: string, versionId: string, options?: RequestOptions): Promise<Result<typeof VERSION, "get">> {
      const { client: api, header, signal, headers } = prepareCall(client, options);
      const params = { path: { dataset_id: datasetId, version_id: versionId }, header };
      return (await api.GET(VERSION, { params, signal, headers })).data;
    },
    async delete(datasetId: string, versionId: string, options?: RequestOptions): Promise<void> {
      const { client: api, header, signal, headers } = prepareCall(client, options);
      const params = { path: { dataset_id: datasetId, version_id: versionId }, header };
      await api.DELETE(VERSION, { params, signal, headers });
    },
  };
}
