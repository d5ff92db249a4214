import type { OperationId } from "@friendli-ts/client/internal";

/**
 * Which method of `createFriendliDatasets()` calls each operation of the spec. Read by
 * `pnpm spec:check`, so an operation added upstream cannot go unnoticed.
 */
export const operationMethods = {
  create_dataset: "datasets.create",
  list_datasets: "datasets.list",
  get_dataset: "datasets.get",
  delete_dataset: "datasets.delete",
  create_version: "versions.create",
  list_versions: "versions.list",
  get_version: "versions.get",
  delete_version: "versions.delete",
  create_split: "splits.create",
  list_splits: "splits.list",
  get_split: "splits.get",
  delete_split: "splits.delete",
  add_samples: "samples.add",
  list_samples: "samples.list",
  upload_raw_samples: "samples.uploadRaw",
  delete_samples: "samples.delete",
  init_upload: "files.initUpload",
  complete_upload: "files.completeUpload",
  get_info: "files.getInfo",
  get_download_url: "files.getDownloadUrl",
} as const satisfies Partial<Record<OperationId, string>>;
