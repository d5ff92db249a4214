import type { CallOptions } from "@friendli-ts/client";
import { type CallCore, notAnObject, requestData } from "@friendli-ts/client/internal";
import { add_samples, delete_samples, list_samples, upload_raw_samples } from "@friendli-ts/client/routes";
import { dataIsAListOfSamples } from "./answer-problems.ts";
import { cursorPages } from "./cursor-pages.ts";
import type { ListSamplesQuery, RawSamplesFile, Sample, SampleIds } from "./spec-types.ts";

const ofSplit = (datasetId: string, splitId: string) => ({ dataset_id: datasetId, split_id: splitId });

/** Samples of one split: add, list, replace from a raw file, delete. */
export function sampleOperations(core: CallCore) {
  const operations = {
    /**
     * Adds samples as they are, without validation or media upload (see `uploadSamples`
     * for that). Objects are JSON-encoded: the API takes each sample as a JSON string.
     */
    add: (datasetId: string, splitId: string, samples: readonly (Sample | string)[], options?: CallOptions) => {
      const body = samples.map((s) => (typeof s === "string" ? s : JSON.stringify(s)));
      return requestData(
        core,
        "samples.add",
        { route: add_samples, params: { path: ofSplit(datasetId, splitId) }, body },
        options,
      );
    },
    // listAll walks `data` and follows `nextCursor`.
    list: (datasetId: string, splitId: string, query: ListSamplesQuery = {}, options?: CallOptions) => {
      const params = { path: ofSplit(datasetId, splitId), query };
      return requestData(
        core,
        "samples.list",
        { route: list_samples, params },
        options,
        notAnObject,
        dataIsAListOfSamples,
      );
    },
    /**
     * Every sample of the split as `[id, JSON]` pairs, fetched page by page as you read
     * (from `query.cursor` when given).
     */
    listAll: (datasetId: string, splitId: string, query: ListSamplesQuery = {}, options?: CallOptions) =>
      cursorPages(core, query.cursor, (cursor) => operations.list(datasetId, splitId, { ...query, cursor }, options)),
    /** Sends a whole file of samples as one multipart upload. */
    uploadRaw: (datasetId: string, splitId: string, file: RawSamplesFile, options?: CallOptions) => {
      const params = { path: ofSplit(datasetId, splitId) };
      return requestData(core, "samples.uploadRaw", { route: upload_raw_samples, params, body: { file } }, options);
    },
    delete: (datasetId: string, splitId: string, sampleIds: SampleIds, options?: CallOptions) => {
      const params = { path: ofSplit(datasetId, splitId) };
      return requestData(core, "samples.delete", { route: delete_samples, params, body: sampleIds }, options);
    },
  };
  return operations;
}

/** The spec operations this file calls, by method name (collected in operation-methods.ts). */
export const sampleMethods = {
  add_samples: "samples.add",
  list_samples: "samples.list",
  upload_raw_samples: "samples.uploadRaw",
  delete_samples: "samples.delete",
} as const;
