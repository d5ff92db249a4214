import type * as DatasetTypes from "./dataset-types.ts";

export { type CallOptions, type ClientOptions, PagedItems, type SharedClientOptions } from "@friendli-ts/client";
// The error classes, so this package alone is enough to catch what it throws.
export * from "@friendli-ts/client/errors";
export {
  createFriendliDatasets,
  type FriendliDatasets,
} from "./create-friendli-datasets.ts";
export { MediaUploadError } from "./media-upload-error.ts";
export type { DatasetHandle } from "./open-dataset.ts";
export { SampleUploadError } from "./sample-upload-error.ts";
export { SampleValidationError } from "./sample-validation-error.ts";
// What a caller builds (a dataset's body, samples) and the records it keeps; the rest (queries and
// option bags written inline, the inputs' unions) is in DatasetTypes.
export type {
  CreateDatasetBody,
  DatasetInfo,
  FileInfo,
  ModalityType,
  Sample,
  SplitInfo,
  VersionInfo,
} from "./spec-types.ts";
export { StorageUploadError } from "./storage-upload-error.ts";
export type { UploadProgress } from "./upload-samples.ts";
export { validateSample } from "./validate-sample.ts";
// Every other type the signatures use, under one name: `DatasetTypes.ListedSample`.
export type { DatasetTypes };
