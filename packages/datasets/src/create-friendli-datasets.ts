import { type ClientOptions, createFriendliClient, type FriendliClient } from "@friendli-ts/client";
import { datasetOperations } from "./dataset-operations.ts";
import { fileOperations } from "./file-operations.ts";
import {
  type DatasetHandle,
  type DatasetsContext,
  type OpenDatasetByIdOptions,
  type OpenDatasetOptions,
  openDataset,
  openDatasetById,
} from "./open-dataset.ts";
import type { StorageRetryOptions } from "./post-to-storage.ts";
import { sampleOperations } from "./sample-operations.ts";
import { splitOperations } from "./split-operations.ts";
import { type UploadData, type UploadedFile, type UploadFileOptions, uploadFile } from "./upload-file.ts";
import { versionOperations } from "./version-operations.ts";

export interface FriendliDatasetsOptions extends ClientOptions, StorageRetryOptions {
  /** An existing low-level client to share (its options win over the ones here). */
  client?: FriendliClient;
  /**
   * The fetch for storage uploads and for downloading http(s) media: plain, without the
   * Friendli token or team header. Default: the `fetch` option, else the global fetch.
   */
  storageFetch?: typeof fetch;
}

/** Datasets, versions, splits, samples and files of the Friendli API, with upload helpers. */
export function createFriendliDatasets(options: FriendliDatasetsOptions = {}) {
  const { client: given, storageFetch: givenStorageFetch, ...rest } = options;
  const client = given ?? createFriendliClient(rest);
  const userFetch = givenStorageFetch ?? rest.fetch;
  // Resolved per call, so a fetch installed later (polyfill, test server) is used.
  const storageFetch: typeof fetch = userFetch ?? ((input, init) => fetch(input, init));
  const storageDefaults: StorageRetryOptions = {
    storageRetries: rest.storageRetries,
    storageRetryDelayMs: rest.storageRetryDelayMs,
    storageTimeoutMs: rest.storageTimeoutMs,
  };

  const fileOps = fileOperations(client);
  const files = {
    ...fileOps,
    /** Digest, init upload, storage POST (skipped when already stored), complete upload; the file's info. */
    upload: (data: UploadData, uploadOptions: UploadFileOptions): Promise<UploadedFile> =>
      uploadFile({ files: fileOps, storageFetch, defaults: storageDefaults }, data, uploadOptions),
  };
  const datasetOps = datasetOperations(client);
  const context: DatasetsContext = {
    datasets: datasetOps,
    splits: splitOperations(client),
    samples: sampleOperations(client),
    files,
    mediaFetch: storageFetch,
  };

  return {
    client,
    datasets: {
      ...datasetOps,
      /** The project's dataset with this name (created if missing), with its default split. */
      open: (openOptions: OpenDatasetOptions): Promise<DatasetHandle> => openDataset(context, openOptions),
      /** A handle on an existing dataset, for splits and sample uploads. */
      openById: (datasetId: string, openOptions: OpenDatasetByIdOptions): Promise<DatasetHandle> =>
        openDatasetById(context, datasetId, openOptions),
    },
    versions: versionOperations(client),
    splits: context.splits,
    samples: context.samples,
    files,
  };
}

export type FriendliDatasets = ReturnType<typeof createFriendliDatasets>;
