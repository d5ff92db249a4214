export { type CallOptions, type ClientOptions, PagedItems, type SharedClientOptions } from "@friendli-ts/client";
// The error classes, so this package alone is enough to catch what it throws.
export * from "@friendli-ts/client/errors";
export {
  createFriendliDatasets,
  type FriendliDatasets,
} from "./create-friendli-datasets.ts";
export type { UploadData, UploadedFile, UploadFileOptions } from "./file-operations.ts";
export { MediaUploadError } from "./media-upload-error.ts";
export {
  type DatasetHandle,
  DEFAULT_SPLIT,
  type OpenDatasetByIdOptions,
  type OpenDatasetOptions,
} from "./open-dataset.ts";
export type { SampleInput } from "./sample-source.ts";
export { type BatchOutcome, SampleUploadError } from "./sample-upload-error.ts";
export { type SamplePosition, SampleValidationError } from "./sample-validation-error.ts";
export type {
  AddSamplesResult,
  CreateDatasetBody,
  CreateSplitQuery,
  CreateVersionQuery,
  DatasetInfo,
  DatasetModality,
  DeleteSamplesResult,
  FileDownloadUrl,
  FileInfo,
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
  ModalityType,
  RawSamplesFile,
  Sample,
  SampleIds,
  SplitInfo,
  UploadRawSamplesResult,
  UserContentPart,
  VersionInfo,
} from "./spec-types.ts";
export { StorageUploadError } from "./storage-upload-error.ts";
export type { UploadProgress, UploadSamplesOptions } from "./upload-samples.ts";
export { validateSample } from "./validate-sample.ts";
