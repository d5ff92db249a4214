import type { CallOptions, PagedItems } from "@friendli-ts/client";
import { type CallCore, checkedAnswer, makeRequest, notAnObject, paginate } from "@friendli-ts/client/internal";
import { create_dataset, delete_dataset, get_dataset, list_datasets } from "@friendli-ts/client/routes";
import { dataIsAListOfObjects } from "./answer-problems.ts";
import type { CreateDatasetBody, DatasetInfo, ListDatasetsQuery, ListDatasetsResult } from "./spec-types.ts";

const byId = (datasetId: string) => ({ path: { dataset_id: datasetId } });

/** Create, list, get and delete datasets. */
export function datasetOperations(core: CallCore) {
  const operations = {
    async create(body: CreateDatasetBody, options?: CallOptions): Promise<DatasetInfo> {
      return (await makeRequest(core, { route: create_dataset, body }, options)).data;
    },
    async list(query: ListDatasetsQuery, options?: CallOptions): Promise<ListDatasetsResult> {
      const answer = await makeRequest(core, { route: list_datasets, params: { query } }, options);
      // listAll walks `data` and follows `nextCursor`.
      return checkedAnswer(core, answer, "datasets.list", notAnObject, dataIsAListOfObjects);
    },
    /** Every dataset matching `query`, fetched page by page as you read (from `query.cursor` when given). */
    listAll(query: ListDatasetsQuery, options?: CallOptions): PagedItems<DatasetInfo> {
      return paginate(core, query.cursor, async (cursor) => {
        const page = await operations.list({ ...query, cursor }, options);
        return { items: page.data, next: page.nextCursor };
      });
    },
    async get(datasetId: string, options?: CallOptions): Promise<DatasetInfo> {
      const answer = await makeRequest(core, { route: get_dataset, params: byId(datasetId) }, options);
      return checkedAnswer(core, answer, "datasets.get", notAnObject);
    },
    async delete(datasetId: string, options?: CallOptions): Promise<void> {
      await makeRequest(core, { route: delete_dataset, params: byId(datasetId) }, options);
    },
  };
  return operations;
}
