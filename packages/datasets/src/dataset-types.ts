// The types the package's signatures use that users seldom write by name (results, parts of a
// sample or a body, queries and option bags written inline, what an error carries): the index
// exports them as one namespace, `DatasetTypes`, so they are reachable and documented without
// being top-level names.
export type { datasetsApi } from "./create-friendli-datasets.ts";
export type { UploadData, UploadedFile, UploadFileOptions } from "./file-operations.ts";
export type { JsonKey } from "./format-path.ts";
export type { OpenDatasetByIdOptions, OpenDatasetOptions } from "./open-dataset.ts";
export type { SampleInput } from "./sample-source.ts";
export type { BatchOutcome, SampleUploadErrorInit } from "./sample-upload-error.ts";
export type { SamplePosition } from "./sample-validation-error.ts";
export type {
  AddSamplesResult,
  CreateSplitQuery,
  CreateVersionQuery,
  DatasetModality,
  DeleteSamplesResult,
  FileDownloadUrl,
  InitUploadBody,
  InitUploadResult,
  ListDatasetsQuery,
  ListDatasetsResult,
  ListedSample,
  ListSamplesQuery,
  ListSamplesResult,
  ListSplitsQuery,
  ListSplitsResult,
  ListVersionsResult,
  Message,
  RawSamplesFile,
  SampleIds,
  Schemas,
  UploadRawSamplesResult,
  UserContentPart,
} from "./spec-types.ts";
export type { UploadSamplesOptions } from "./upload-samples.ts";
export type { CheckedSample, MediaRef } from "./validate-sample.ts";
