import { type FriendliClient, prepareCall } from "@friendli-ts/client";
import { iteratePages } from "./iterate-pages.ts";
import type { Body, Query, RequestOptions, Result, Sample } from "./spec-types.ts";

const SAMPLES = "/beta/dataset/{dataset_id}/split/{split_id}/sample";
const DELETE_SAMPLES = "/beta/dataset/{dataset_id}/split/{split_id}/sample/delete";

export type ListSamplesQuery = Query<typeof SAMPLES, "get">;
export type SampleIds = Body<typeof DELETE_SAMPLES, "post">;
/** The raw-upload file part: a JSONL (or parquet) file of samples. */
export type RawSamplesFile = Body<typeof SAMPLES, "put">["file"];

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
      options?: RequestOptions,
    ): Promise<Result<typeof SAMPLES, "post">> {
      const { client: api, header, signal, headers } = prepareCall(client, options);
      const body = samples.map((s) => (typeof s === "string" ? s : JSON.stringify(s)));
      const params = { path: { dataset_id: datasetId, split_id: splitId }, header };
      return (await api.POST(SAMPLES, { params, body, signal, headers })).data;
    },
    async list(
      datasetId: string,
      splitId: string,
      query: ListSamplesQuery = {},
      options?: RequestOptions,
    ): Promise<Result<typeof SAMPLES, "get">> {
      const { client: api, header, signal, headers } = prepareCall(client, options);
      const params = { path: { dataset_id: datasetId, split_id: splitId }, query, header };
      return (await api.GET(SAMPLES, { params, signal, headers })).data;
    },
    /** Every sample of the split as `[id, JSON]` pairs, page after page. */
    iterate(
      datasetId: string,
      splitId: string,
      query: ListSamplesQuery = {},
      options?: RequestOptions,
    ): AsyncGenerator<Result<typeof SAMPLES, "get">["data"][number]> {
      return iteratePages((cursor) =>
        operations.list(datasetId, splitId, { ...query, cursor: cursor as ListSamplesQuery["cursor"] }, options),
      );
    },
    /** Sends a whole file of samples as one multipart upload. */
    async uploadRaw(
      datasetId: string,
      splitId: string,
      file: RawSamplesFile,
      options?: RequestOptions,
    ): Promise<Result<typeof SAMPLES, "put">> {
      const { client: api, header, signal, headers } = prepareCall(client, options);
      const params = { path: { dataset_id: datasetId, split_id: splitId }, header };
      return (await api.PUT(SAMPLES, { params, body: { file }, signal, headers })).data;
    },
    async delete(
      datasetId: string,
      splitId: string,
      sampleIds: SampleIds,
      options?: RequestOptions,
    ): Promise<Result<typeof DELETE_SAMPLES, "post">> {
      const { client: api, header, signal, headers } = prepareCall(client, options);
      const params = { path: { dataset_id: datasetId, split_id: splitId }, header };
      return (await api.POST(DELETE_SAMPLES, { params, body: sampleIds, signal, headers })).data;
    },
  };
  return operations;
}
