import type { CallOptions } from "@friendli-ts/client";
import { type CallCore, notAnObject, requestData } from "@friendli-ts/client/internal";
import { create_dataset, delete_dataset, get_dataset, list_datasets } from "@friendli-ts/client/routes";
import { dataIsAListOfObjects } from "./answer-problems.ts";
import { cursorPages } from "./cursor-pages.ts";
import type { CreateDatasetBody, ListDatasetsQuery } from "./spec-types.ts";

const byId = (datasetId: string) => ({ path: { dataset_id: datasetId } });

/** Create, list, get and delete datasets. */
export function datasetOperations(core: CallCore) {
  const operations = {
    create: (body: CreateDatasetBody, options?: CallOptions) =>
      requestData(core, "datasets.create", { route: create_dataset, body }, options),
    // listAll walks `data` and follows `nextCursor`.
    list: (query: ListDatasetsQuery, options?: CallOptions) =>
      requestData(
        core,
        "datasets.list",
        { route: list_datasets, params: { query } },
        options,
        notAnObject,
        dataIsAListOfObjects,
      ),
    /** Every dataset matching `query`, fetched page by page as you read (from `query.cursor` when given). */
    listAll: (query: ListDatasetsQuery, options?: CallOptions) =>
      cursorPages(core, query.cursor, (cursor) => operations.list({ ...query, cursor }, options)),
    get: (datasetId: string, options?: CallOptions) =>
      requestData(core, "datasets.get", { route: get_dataset, params: byId(datasetId) }, options, notAnObject),
    async delete(datasetId: string, options?: CallOptions): Promise<void> {
      await requestData(core, "datasets.delete", { route: delete_dataset, params: byId(datasetId) }, options);
    },
  };
  return operations;
}

/** The spec operations this file calls, by method name (collected in operation-methods.ts). */
export const datasetMethods = {
  create_dataset: "datasets.create",
  list_datasets: "datasets.list",
  get_dataset: "datasets.get",
  delete_dataset: "datasets.delete",
} as const;
