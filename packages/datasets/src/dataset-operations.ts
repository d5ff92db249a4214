import type { CallOptions, FriendliClient, PagedItems } from "@friendli-ts/client";
import { checkedAnswer, notAnObject, paginate } from "@friendli-ts/client/internal";
import type { CreateDatasetBody, DatasetInfo, ListDatasetsQuery, ListDatasetsResult } from "./spec-types.ts";

/** Create, list, get and delete datasets. */
export function datasetOperations(client: FriendliClient) {
  const operations = {
    async create(body: CreateDatasetBody, options?: CallOptions): Promise<DatasetInfo> {
      return (await client.POST("/beta/dataset", { ...options, body })).data;
    },
    async list(query: ListDatasetsQuery, options?: CallOptions): Promise<ListDatasetsResult> {
      const answer = await client.GET("/beta/dataset", { ...options, params: { query } });
      // listAll walks `data` and follows `nextCursor`.
      return checkedAnswer(answer, "datasets.list", notAnObject, (data) =>
        Array.isArray((data as { data?: unknown }).data) ? undefined : "`data` is not a list",
      );
    },
    /** Every dataset matching `query`, fetched page by page as you read (from `query.cursor` when given). */
    listAll(query: ListDatasetsQuery, options?: CallOptions): PagedItems<DatasetInfo> {
      return paginate(client, query.cursor, async (cursor) => {
        const page = await operations.list({ ...query, cursor }, options);
        return { items: page.data, next: page.nextCursor };
      });
    },
    async get(datasetId: string, options?: CallOptions): Promise<DatasetInfo> {
      const answer = await client.GET("/beta/dataset/{dataset_id}", {
        ...options,
        params: { path: { dataset_id: datasetId } },
      });
      return checkedAnswer(answer, "datasets.get", notAnObject);
    },
    async delete(datasetId: string, options?: CallOptions): Promise<void> {
      await client.DELETE("/beta/dataset/{dataset_id}", { ...options, params: { path: { dataset_id: datasetId } } });
    },
  };
  return operations;
}
