import { type FriendliClient, prepareCall } from "@friendli-ts/client";
import { iteratePages } from "./iterate-pages.ts";
import type { Query, RequestOptions, Result, SplitInfo } from "./spec-types.ts";

const SPLITS = "/beta/dataset/{dataset_id}/split";
const SPLIT = "/beta/dataset/{dataset_id}/split/{split_id}";

export type CreateSplitQuery = Query<typeof SPLITS, "post">;
export type ListSplitsQuery = Query<typeof SPLITS, "get">;

/** Splits: the named parts of a dataset (train, validation, ...). */
export function splitOperations(client: FriendliClient) {
  const operations = {
    async create(
      datasetId: string,
      query: CreateSplitQuery,
      options?: RequestOptions,
    ): Promise<Result<typeof SPLITS, "post">> {
      const { client: api, header, signal, headers } = prepareCall(client, options);
      return (await api.POST(SPLITS, { params: { path: { dataset_id: datasetId }, query, header }, signal, headers }))
        .data;
    },
    async list(
      datasetId: string,
      query: ListSplitsQuery = {},
      options?: RequestOptions,
    ): Promise<Result<typeof SPLITS, "get">> {
      const { client: api, header, signal, headers } = prepareCall(client, options);
      return (await api.GET(SPLITS, { params: { path: { dataset_id: datasetId }, query, header }, signal, headers }))
        .data;
    },
    /** Every split of the dataset, page after page. */
    iterate(datasetId: string, query: ListSplitsQuery = {}, options?: RequestOptions): AsyncGenerator<SplitInfo> {
      return iteratePages((cursor) =>
        operations.list(datasetId, { ...query, cursor: cursor as ListSplitsQuery["cursor"] }, options),
      );
    },
    async get(datasetId: string, splitId: string, options?: RequestOptions): Promise<Result<typeof SPLIT, "get">> {
      const { client: api, header, signal, headers } = prepareCall(client, options);
      const params = { path: { dataset_id: datasetId, split_id: splitId }, header };
      return (await api.GET(SPLIT, { params, signal, headers })).data;
    },
    async delete(datasetId: string, splitId: string, options?: RequestOptions): Promise<void> {
      const { client: api, header, signal, headers } = prepareCall(client, options);
      await api.DELETE(SPLIT, {
        params: { path: { dataset_id: datasetId, split_id: splitId }, header },
        signal,
        headers,
      });
    },
  };
  return operations;
}
