import type { CallOptions } from "@friendli-ts/client";
import { type CallCore, makeRequest } from "@friendli-ts/client/internal";
import { create_version, delete_version, get_version, list_versions } from "@friendli-ts/client/routes";
import type { CreateVersionQuery, ListVersionsResult, VersionInfo } from "./spec-types.ts";

/** Versions: snapshots of a dataset's splits. */
export function versionOperations(core: CallCore) {
  return {
    async create(datasetId: string, query: CreateVersionQuery, options?: CallOptions): Promise<VersionInfo> {
      const params = { path: { dataset_id: datasetId }, query };
      return (await makeRequest(core, { route: create_version, params }, options)).data;
    },
    async list(datasetId: string, options?: CallOptions): Promise<ListVersionsResult> {
      const params = { path: { dataset_id: datasetId } };
      return (await makeRequest(core, { route: list_versions, params }, options)).data;
    },
    async get(datasetId: string, versionId: string, options?: CallOptions): Promise<VersionInfo> {
      const path = { dataset_id: datasetId, version_id: versionId };
      return (await makeRequest(core, { route: get_version, params: { path } }, options)).data;
    },
    async delete(datasetId: string, versionId: string, options?: CallOptions): Promise<void> {
      const path = { dataset_id: datasetId, version_id: versionId };
      await makeRequest(core, { route: delete_version, params: { path } }, options);
    },
  };
}
