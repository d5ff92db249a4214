// The types the package's signatures use that users seldom write by name (results, parts of a
// sample or a body, what an error carries): the index exports them as one namespace,
// `DatasetTypes`, so they are reachable and documented without being top-level names.
export type { datasetsApi } from "./create-friendli-datasets.ts";
export type { UploadedFile } from "./file-operations.ts";
export type { JsonKey } from "./format-path.ts";
export type { BatchOutcome, SampleUploadErrorInit } from "./sample-upload-error.ts";
export type { SamplePosition } from "./sample-validation-error.ts";
export type {
  AddSamplesResult,
  DatasetModality,
  DeleteSamplesResult,
  FileDownloadUrl,
  InitUploadResult,
  ListDatasetsResult,
  ListedSample,
  ListSamplesResult,
  ListSplitsResult,
  ListVersionsResult,
  Message,
  RawSamplesFile,
  Schemas,
  UploadRawSamplesResult,
  UserContentPart,
} from "./spec-types.ts";
export type { CheckedSample, MediaRef } from "./validate-sample.ts";
