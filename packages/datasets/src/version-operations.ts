import type { CallOptions } from "@friendli-ts/client";
import { type CallCore, requestData } from "@friendli-ts/client/internal";
import { create_version, delete_version, get_version, list_versions } from "@friendli-ts/client/routes";
import type { CreateVersionQuery } from "./spec-types.ts";

const ofDataset = (datasetId: string) => ({ dataset_id: datasetId });
const byId = (datasetId: string, versionId: string) => ({ path: { dataset_id: datasetId, version_id: versionId } });

/** Versions: snapshots of a dataset's splits. */
export function versionOperations(core: CallCore) {
  return {
    create: (datasetId: string, query: CreateVersionQuery, options?: CallOptions) =>
      requestData(
        core,
        "versions.create",
        { route: create_version, params: { path: ofDataset(datasetId), query } },
        options,
      ),
    list: (datasetId: string, options?: CallOptions) =>
      requestData(core, "versions.list", { route: list_versions, params: { path: ofDataset(datasetId) } }, options),
    get: (datasetId: string, versionId: string, options?: CallOptions) =>
      requestData(core, "versions.get", { route: get_version, params: byId(datasetId, versionId) }, options),
    async delete(datasetId: string, versionId: string, options?: CallOptions): Promise<void> {
      await requestData(
        core,
        "versions.delete",
        { route: delete_version, params: byId(datasetId, versionId) },
        options,
      );
    },
  };
}

/** The spec operations this file calls, by method name (collected in operation-methods.ts). */
export const versionMethods = {
  create_version: "versions.create",
  list_versions: "versions.list",
  get_version: "versions.get",
  delete_version: "versions.delete",
} as const;
