import type { components, QueryParams, RequestBody, SuccessData } from "@friendli-ts/client";

// Named aliases only, each built from the client's spec helpers or its schemas.

type Schemas = components["schemas"];

const DATASETS = "/beta/dataset";
const SPLITS = "/beta/dataset/{dataset_id}/split";
const SAMPLES = "/beta/dataset/{dataset_id}/split/{split_id}/sample";
const VERSIONS = "/beta/dataset/{dataset_id}/version";

export type DatasetInfo = Schemas["DatasetInfo"];
export type DatasetModality = Schemas["DedicatedDatasetModality"];
export type ModalityType = Schemas["DedicatedDatasetModalityType"];
export type SplitInfo = Schemas["SplitInfo"];
export type VersionInfo = Schemas["VersionInfo"];
export type FileInfo = Schemas["FileInfo"];

/** One chat message of a sample, as the spec models messages. */
export type Message = Schemas["Message"];
export type UserContentPart = Schemas["UserMessageContentMultiModal"];

/**
 * One dataset sample: a conversation. The spec types the add-samples body as strings
 * (each a JSON-encoded sample); the sample itself is built from the spec's messages.
 */
export interface Sample {
  messages: Message[];
}

export type CreateDatasetBody = RequestBody<typeof DATASETS, "post">;
export type ListDatasetsQuery = QueryParams<typeof DATASETS, "get">;
export type ListDatasetsResult = SuccessData<typeof DATASETS, "get">;

export type CreateSplitQuery = QueryParams<typeof SPLITS, "post">;
export type ListSplitsQuery = QueryParams<typeof SPLITS, "get">;
export type ListSplitsResult = SuccessData<typeof SPLITS, "get">;

export type ListSamplesQuery = QueryParams<typeof SAMPLES, "get">;
export type ListSamplesResult = SuccessData<typeof SAMPLES, "get">;
/** One listed sample: its full id and its JSON. */
export type ListedSample = ListSamplesResult["data"][number];
export type AddSamplesResult = SuccessData<typeof SAMPLES, "post">;
/** The raw-upload file part: a JSONL (or parquet) file of samples. */
export type RawSamplesFile = RequestBody<typeof SAMPLES, "put">["file"];
export type UploadRawSamplesResult = SuccessData<typeof SAMPLES, "put">;
export type SampleIds = RequestBody<`${typeof SAMPLES}/delete`, "post">;
export type DeleteSamplesResult = SuccessData<`${typeof SAMPLES}/delete`, "post">;

export type CreateVersionQuery = QueryParams<typeof VERSIONS, "post">;
export type ListVersionsResult = SuccessData<typeof VERSIONS, "get">;

export type InitUploadBody = RequestBody<"/beta/file", "post">;
export type InitUploadResult = SuccessData<"/beta/file", "post">;
export type FileDownloadUrl = SuccessData<"/beta/file/{file_id}/download_url", "get">;
