import type { CallOptions, FriendliClient } from "@friendli-ts/client";
import type { CreateVersionQuery, ListVersionsResult, VersionInfo } from "./spec-types.ts";

const VERSIONS = "/beta/dataset/{dataset_id}/version";
const VERSION = "/beta/dataset/{dataset_id}/version/{version_id}";

/** Versions: snapshots of a dataset's splits. */
export function versionOperations(client: FriendliClient) {
  return {
    async create(datasetId: string, query: CreateVersionQuery, options?: CallOptions): Promise<VersionInfo> {
      return (await client.POST(VERSIONS, { ...options, params: { path: { dataset_id: datasetId }, query } })).data;
    },
    async list(datasetId: string, options?: CallOptions): Promise<ListVersionsResult> {
      return (await client.GET(VERSIONS, { ...options, params: { path: { dataset_id: datasetId } } })).data;
    },
    async get(datasetId: string, versionId: string, options?: CallOptions): Promise<VersionInfo> {
      const path = { dataset_id: datasetId, version_id: versionId };
      return (await client.GET(VERSION, { ...options, params: { path } })).data;
    },
    async delete(datasetId: string, versionId: string, options?: CallOptions): Promise<void> {
      const path = { dataset_id: datasetId, version_id: versionId };
      await client.DELETE(VERSION, { ...options, params: { path } });
    },
  };
}
