import type { components, QueryParams, RequestBody, SuccessData } from "@friendli-ts/client";

// Named aliases only, each built from the client's spec helpers or its schemas.

export type Schemas = components["schemas"];

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

export type CreateDatasetBody = RequestBody<"/beta/dataset", "post">;
export type ListDatasetsQuery = QueryParams<"/beta/dataset", "get">;
export type ListDatasetsResult = SuccessData<"/beta/dataset", "get">;

export type CreateSplitQuery = QueryParams<"/beta/dataset/{dataset_id}/split", "post">;
export type ListSplitsQuery = QueryParams<"/beta/dataset/{dataset_id}/split", "get">;
export type ListSplitsResult = SuccessData<"/beta/dataset/{dataset_id}/split", "get">;

export type ListSamplesQuery = QueryParams<"/beta/dataset/{dataset_id}/split/{split_id}/sample", "get">;
export type ListSamplesResult = SuccessData<"/beta/dataset/{dataset_id}/split/{split_id}/sample", "get">;
/** One listed sample: its full id and its JSON. */
export type ListedSample = ListSamplesResult["data"][number];
export type AddSamplesResult = SuccessData<"/beta/dataset/{dataset_id}/split/{split_id}/sample", "post">;
/** The raw-upload file part: a JSONL (or parquet) file of samples. */
export type RawSamplesFile = RequestBody<"/beta/dataset/{dataset_id}/split/{split_id}/sample", "put">["file"];
export type UploadRawSamplesResult = SuccessData<"/beta/dataset/{dataset_id}/split/{split_id}/sample", "put">;
export type SampleIds = RequestBody<"/beta/dataset/{dataset_id}/split/{split_id}/sample/delete", "post">;
export type DeleteSamplesResult = SuccessData<"/beta/dataset/{dataset_id}/split/{split_id}/sample/delete", "post">;

export type CreateVersionQuery = QueryParams<"/beta/dataset/{dataset_id}/version", "post">;
export type ListVersionsResult = SuccessData<"/beta/dataset/{dataset_id}/version", "get">;

export type InitUploadBody = RequestBody<"/beta/file", "post">;
export type InitUploadResult = SuccessData<"/beta/file", "post">;
export type FileDownloadUrl = SuccessData<"/beta/file/{file_id}/download_url", "get">;
