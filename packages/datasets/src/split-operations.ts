import type { CallOptions } from "@friendli-ts/client";
import { type CallCore, notAnObject, requestData } from "@friendli-ts/client/internal";
import { create_split, delete_split, get_split, list_splits } from "@friendli-ts/client/routes";
import { dataIsAListOfObjects } from "./answer-problems.ts";
import { cursorPages } from "./cursor-pages.ts";
import type { CreateSplitQuery, ListSplitsQuery } from "./spec-types.ts";

const ofDataset = (datasetId: string) => ({ dataset_id: datasetId });
const byId = (datasetId: string, splitId: string) => ({ path: { dataset_id: datasetId, split_id: splitId } });

/** Splits: the named parts of a dataset (train, validation, ...). */
export function splitOperations(core: CallCore) {
  const operations = {
    create: (datasetId: string, query: CreateSplitQuery, options?: CallOptions) =>
      requestData(
        core,
        "splits.create",
        { route: create_split, params: { path: ofDataset(datasetId), query } },
        options,
      ),
    // listAll walks `data` and follows `nextCursor`.
    list: (datasetId: string, query: ListSplitsQuery = {}, options?: CallOptions) =>
      requestData(
        core,
        "splits.list",
        { route: list_splits, params: { path: ofDataset(datasetId), query } },
        options,
        notAnObject,
        dataIsAListOfObjects,
      ),
    /** Every split of the dataset, fetched page by page as you read (from `query.cursor` when given). */
    listAll: (datasetId: string, query: ListSplitsQuery = {}, options?: CallOptions) =>
      cursorPages(core, query.cursor, (cursor) => operations.list(datasetId, { ...query, cursor }, options)),
    get: (datasetId: string, splitId: string, options?: CallOptions) =>
      requestData(core, "splits.get", { route: get_split, params: byId(datasetId, splitId) }, options, notAnObject),
    async delete(datasetId: string, splitId: string, options?: CallOptions): Promise<void> {
      await requestData(core, "splits.delete", { route: delete_split, params: byId(datasetId, splitId) }, options);
    },
  };
  return operations;
}

/** The spec operations this file calls, by method name (collected in operation-methods.ts). */
export const splitMethods = {
  create_split: "splits.create",
  list_splits: "splits.list",
  get_split: "splits.get",
  delete_split: "splits.delete",
} as const;
