import type { FriendliClient } from "@friendli-ts/client";
import { callOptions } from "./call-options.ts";
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
      const { header, signal } = callOptions(options);
      const params = { path: { dataset_id: datasetId }, query, header };
      return (await client.POST(VERSIONS, { params, signal })).data;
    },
    async list(datasetId: string, options?: RequestOptions): Promise<Result<typeof VERSIONS, "get">> {
      const { header, signal } = callOptions(options);
      return (await client.GET(VERSIONS, { params: { path: { dataset_id: datasetId }, header }, signal })).data;
    },
    async get(datasetId: string, versionId: string, options?: RequestOptions): Promise<Result<typeof VERSION, "get">> {
      const { header, signal } = callOptions(options);
      const params = { path: { dataset_id: datasetId, version_id: versionId }, header };
      return (await client.GET(VERSION, { params, signal })).data;
    },
    async delete(datasetId: string, versionId: string, options?: RequestOptions): Promise<void> {
      const { header, signal } = callOptions(options);
      const params = { path: { dataset_id: datasetId, version_id: versionId }, header };
      await client.DELETE(VERSION, { params, signal });
    },
  };
}
