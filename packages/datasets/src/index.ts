export {
  createFriendliDatasets,
  type FriendliDatasets,
  type FriendliDatasetsOptions,
} from "./create-friendli-datasets.ts";
export type { CreateDatasetBody, ListDatasetsQuery, ListDatasetsResult } from "./dataset-operations.ts";
export type { InitUploadBody } from "./file-operations.ts";
export { MediaUploadError } from "./media-upload-error.ts";
export {
  type DatasetHandle,
  DEFAULT_SPLIT,
  type OpenDatasetByIdOptions,
  type OpenDatasetOptions,
} from "./open-dataset.ts";
export { operationMethods } from "./operation-methods.ts";
export type { StorageRetryOptions } from "./post-to-storage.ts";
export type { ListSamplesQuery, RawSamplesFile, SampleIds } from "./sample-operations.ts";
export type { SampleInput } from "./sample-source.ts";
export { type SamplePosition, SampleValidationError } from "./sample-validation-error.ts";
export type {
  DatasetInfo,
  DatasetModality,
  FileInfo,
  Message,
  ModalityType,
  RequestOptions,
  Sample,
  SplitInfo,
  UserContentPart,
  VersionInfo,
} from "./spec-types.ts";
export type { CreateSplitQuery, ListSplitsQuery } from "./split-operations.ts";
export { StorageUploadError } from "./storage-upload-error.ts";
export type { UploadData, UploadedFile, UploadFileOptions } from "./upload-file.ts";
export type { UploadProgress, UploadSamplesOptions } from "./upload-samples.ts";
export { validateSample } from "./validate-sample.ts";
export type { CreateVersionQuery } from "./version-operations.ts";
