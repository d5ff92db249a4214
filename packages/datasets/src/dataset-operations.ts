import { type FriendliClient, prepareCall } from "@friendli-ts/client";
import { iteratePages } from "./iterate-pages.ts";
import type { Body, DatasetInfo, Query, RequestOptions, Result } from "./spec-types.ts";

export type CreateDatasetBody = Body<"/beta/dataset", "post">;
export type ListDatasetsQuery = Query<"/beta/dataset", "get">;
export type ListDatasetsResult = Result<"/beta/dataset", "get">;

/** Create, list, get and delete datasets. */
export function datasetOperations(client: FriendliClient) {
  const operations = {
    async create(body: CreateDatasetBody, options?: RequestOptions): Promise<Result<"/beta/dataset", "post">> {
      const { client: api, header, signal, headers } = prepareCall(client, options);
      return (await api.POST("/beta/dataset", { body, params: { header }, signal, headers })).data;
    },
    async list(query: ListDatasetsQuery, options?: RequestOptions): Promise<ListDatasetsResult> {
      const { client: api, header, signal, headers } = prepareCall(client, options);
      return (await api.GET("/beta/dataset", { params: { query, header }, signal, headers })).data;
    },
    /** Every dataset matching `query`, page after page. */
    iterate(query: ListDatasetsQuery, options?: RequestOptions): AsyncGenerator<DatasetInfo> {
      return iteratePages((cursor) =>
        operations.list({ ...query, cursor: cursor as ListDatasetsQuery["cursor"] }, options),
      );
    },
    async get(datasetId: string, options?: RequestOptions): Promise<Result<"/beta/dataset/{dataset_id}", "get">> {
      const { client: api, header, signal, headers } = prepareCall(client, options);
      const params = { path: { dataset_id: datasetId }, header };
      return (await api.GET("/beta/dataset/{dataset_id}", { params, signal, headers })).data;
    },
    async delete(datasetId: string, options?: RequestOptions): Promise<void> {
      const { client: api, header, signal, headers } = prepareCall(client, options);
      await api.DELETE("/beta/dataset/{dataset_id}", {
        params: { path: { dataset_id: datasetId }, header },
        signal,
        headers,
      });
    },
  };
  return operations;
}
