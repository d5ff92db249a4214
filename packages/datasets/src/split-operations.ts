import type { CallOptions, PagedItems } from "@friendli-ts/client";
import { type CallCore, checkedAnswer, makeRequest, notAnObject, paginate } from "@friendli-ts/client/internal";
import { create_split, delete_split, get_split, list_splits } from "@friendli-ts/client/routes";
import { dataIsAListOfObjects } from "./answer-problems.ts";
import type { CreateSplitQuery, ListSplitsQuery, ListSplitsResult, SplitInfo } from "./spec-types.ts";

/** Splits: the named parts of a dataset (train, validation, ...). */
export function splitOperations(core: CallCore) {
  const operations = {
    async create(datasetId: string, query: CreateSplitQuery, options?: CallOptions): Promise<SplitInfo> {
      const params = { path: { dataset_id: datasetId }, query };
      return (await makeRequest(core, { route: create_split, params }, options)).data;
    },
    async list(datasetId: string, query: ListSplitsQuery = {}, options?: CallOptions): Promise<ListSplitsResult> {
      const params = { path: { dataset_id: datasetId }, query };
      const answer = await makeRequest(core, { route: list_splits, params }, options);
      // listAll walks `data` and follows `nextCursor`.
      return checkedAnswer(core, answer, "splits.list", notAnObject, dataIsAListOfObjects);
    },
    /** Every split of the dataset, fetched page by page as you read (from `query.cursor` when given). */
    listAll(datasetId: string, query: ListSplitsQuery = {}, options?: CallOptions): PagedItems<SplitInfo> {
      return paginate(core, query.cursor, async (cursor) => {
        const page = await operations.list(datasetId, { ...query, cursor }, options);
        return { items: page.data, next: page.nextCursor };
      });
    },
    async get(datasetId: string, splitId: string, options?: CallOptions): Promise<SplitInfo> {
      const params = { path: { dataset_id: datasetId, split_id: splitId } };
      const answer = await makeRequest(core, { route: get_split, params }, options);
      return checkedAnswer(core, answer, "splits.get", notAnObject);
    },
    async delete(datasetId: string, splitId: string, options?: CallOptions): Promise<void> {
      const params = { path: { dataset_id: datasetId, split_id: splitId } };
      await makeRequest(core, { route: delete_split, params }, options);
    },
  };
  return operations;
}
