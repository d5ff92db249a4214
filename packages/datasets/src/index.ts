import type * as DatasetTypes from "./dataset-types.ts";

export { type CallOptions, type ClientOptions, PagedItems, type SharedClientOptions } from "@friendli-ts/client";
// The error classes, so this package alone is enough to catch what it throws.
export * from "@friendli-ts/client/errors";
export {
  createFriendliDatasets,
  type FriendliDatasets,
} from "./create-friendli-datasets.ts";
export type { UploadData, UploadFileOptions } from "./file-operations.ts";
export { MediaUploadError } from "./media-upload-error.ts";
export type { DatasetHandle, OpenDatasetByIdOptions, OpenDatasetOptions } from "./open-dataset.ts";
export type { SampleInput } from "./sample-source.ts";
export { SampleUploadError } from "./sample-upload-error.ts";
export { SampleValidationError } from "./sample-validation-error.ts";
// What a caller builds (bodies, queries, samples) and the records it keeps; the rest is in DatasetTypes.
export type {
  CreateDatasetBody,
  CreateSplitQuery,
  CreateVersionQuery,
  DatasetInfo,
  FileInfo,
  InitUploadBody,
  ListDatasetsQuery,
  ListSamplesQuery,
  ListSplitsQuery,
  ModalityType,
  Sample,
  SampleIds,
  SplitInfo,
  VersionInfo,
} from "./spec-types.ts";
export { StorageUploadError } from "./storage-upload-error.ts";
export type { UploadProgress, UploadSamplesOptions } from "./upload-samples.ts";
export { validateSample } from "./validate-sample.ts";
// Every other type the signatures use, under one name: `DatasetTypes.ListedSample`.
export type { DatasetTypes };
