import type { CallOptions, FriendliClient, PagedItems } from "@friendli-ts/client";
import { paginate } from "@friendli-ts/client/internal";
import type {
  AddSamplesResult,
  DeleteSamplesResult,
  ListedSample,
  ListSamplesQuery,
  ListSamplesResult,
  RawSamplesFile,
  Sample,
  SampleIds,
  UploadRawSamplesResult,
} from "./spec-types.ts";

const SAMPLES = "/beta/dataset/{dataset_id}/split/{split_id}/sample";
const DELETE_SAMPLES = "/beta/dataset/{dataset_id}/split/{split_id}/sample/delete";

/** Samples of one split: add, list, replace from a raw file, delete. */
export function sampleOperations(client: FriendliClient) {
  const operations = {
    /**
     * Adds samples as they are, without validation or media upload (see `uploadSamples`
     * for that). Objects are JSON-encoded: the API takes each sample as a JSON string.
     */
    async add(
      datasetId: string,
      splitId: string,
      samples: readonly (Sample | string)[],
      options?: CallOptions,
    ): Promise<AddSamplesResult> {
      const body = samples.map((s) => (typeof s === "string" ? s : JSON.stringify(s)));
      const path = { dataset_id: datasetId, split_id: splitId };
      return (await client.POST(SAMPLES, { ...options, params: { path }, body })).data;
    },
    async list(
      datasetId: string,
      splitId: string,
      query: ListSamplesQuery = {},
      options?: CallOptions,
    ): Promise<ListSamplesResult> {
      const path = { dataset_id: datasetId, split_id: splitId };
      return (await client.GET(SAMPLES, { ...options, params: { path, query } })).data;
    },
    /**
     * Every sample of the split as `[id, JSON]` pairs, fetched page by page as you read
     * (from `query.cursor` when given).
     */
    listAll(
      datasetId: string,
      splitId: string,
      query: ListSamplesQuery = {},
      options?: CallOptions,
    ): PagedItems<ListedSample> {
      return paginate(client, query.cursor, async (cursor) => {
        const page = await operations.list(datasetId, splitId, { ...query, cursor }, options);
        return { items: page.data, next: page.nextCursor };
      });
    },
    /** Sends a whole file of samples as one multipart upload. */
    async uploadRaw(
      datasetId: string,
      splitId: string,
      file: RawSamplesFile,
      options?: CallOptions,
    ): Promise<UploadRawSamplesResult> {
      const path = { dataset_id: datasetId, split_id: splitId };
      return (await client.PUT(SAMPLES, { ...options, params: { path }, body: { file } })).data;
    },
    async delete(
      datasetId: string,
      splitId: string,
      sampleIds: SampleIds,
      options?: CallOptions,
    ): Promise<DeleteSamplesResult> {
      const path = { dataset_id: datasetId, split_id: splitId };
      return (await client.POST(DELETE_SAMPLES, { ...options, params: { path }, body: sampleIds })).data;
    },
  };
  return operations;
}
