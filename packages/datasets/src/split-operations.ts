import type { CallOptions, FriendliClient, PagedItems } from "@friendli-ts/client";
import { paginate } from "@friendli-ts/client/internal";
import type { CreateSplitQuery, ListSplitsQuery, ListSplitsResult, SplitInfo } from "./spec-types.ts";

const SPLITS = "/beta/dataset/{dataset_id}/split";
const SPLIT = "/beta/dataset/{dataset_id}/split/{split_id}";

/** Splits: the named parts of a dataset (train, validation, ...). */
export function splitOperations(client: FriendliClient) {
  const operations = {
    async create(datasetId: string, query: CreateSplitQuery, options?: CallOptions): Promise<SplitInfo> {
      return (await client.POST(SPLITS, { ...options, params: { path: { dataset_id: datasetId }, query } })).data;
    },
    async list(datasetId: string, query: ListSplitsQuery = {}, options?: CallOptions): Promise<ListSplitsResult> {
      return (await client.GET(SPLITS, { ...options, params: { path: { dataset_id: datasetId }, query } })).data;
    },
    /** Every split of the dataset, fetched page by page as you read (from `query.cursor` when given). */
    listAll(datasetId: string, query: ListSplitsQuery = {}, options?: CallOptions): PagedItems<SplitInfo> {
      return paginate(client, query.cursor, async (cursor) => {
        const page = await operations.list(datasetId, { ...query, cursor }, options);
        return { items: page.data, next: page.nextCursor };
      });
    },
    async get(datasetId: string, splitId: string, options?: CallOptions): Promise<SplitInfo> {
      return (await client.GET(SPLIT, { ...options, params: { path: { dataset_id: datasetId, split_id: splitId } } }))
        .data;
    },
    async delete(datasetId: string, splitId: string, options?: CallOptions): Promise<void> {
      await client.DELETE(SPLIT, { ...options, params: { path: { dataset_id: datasetId, split_id: splitId } } });
    },
  };
  return operations;
}
