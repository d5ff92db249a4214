import type { CallOptions, PagedItems } from "@friendli-ts/client";
import { type CallCore, checkedAnswer, makeRequest, notAnObject, paginate } from "@friendli-ts/client/internal";
import { add_samples, delete_samples, list_samples, upload_raw_samples } from "@friendli-ts/client/routes";
import { dataIsAListOfSamples } from "./answer-problems.ts";
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

/** Samples of one split: add, list, replace from a raw file, delete. */
export function sampleOperations(core: CallCore) {
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
      return (await makeRequest(core, { route: add_samples, params: { path }, body }, options)).data;
    },
    async list(
      datasetId: string,
      splitId: string,
      query: ListSamplesQuery = {},
      options?: CallOptions,
    ): Promise<ListSamplesResult> {
      const path = { dataset_id: datasetId, split_id: splitId };
      const answer = await makeRequest(core, { route: list_samples, params: { path, query } }, options);
      // listAll walks `data` and follows `nextCursor`.
      return checkedAnswer(core, answer, "samples.list", notAnObject, dataIsAListOfSamples);
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
      return paginate(core, query.cursor, async (cursor) => {
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
      return (await makeRequest(core, { route: upload_raw_samples, params: { path }, body: { file } }, options)).data;
    },
    async delete(
      datasetId: string,
      splitId: string,
      sampleIds: SampleIds,
      options?: CallOptions,
    ): Promise<DeleteSamplesResult> {
      const path = { dataset_id: datasetId, split_id: splitId };
      return (await makeRequest(core, { route: delete_samples, params: { path }, body: sampleIds }, options)).data;
    },
  };
  return operations;
}
