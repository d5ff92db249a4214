import type { ClientOptions, FriendliClient, SharedClientOptions } from "@friendli-ts/client";
import { clientFromOptions, coreOf } from "@friendli-ts/client/internal";
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
import { sampleOperations } from "./sample-operations.ts";
import { splitOperations } from "./split-operations.ts";
import { versionOperations } from "./version-operations.ts";

/**
 * Datasets, versions, splits, samples and files of the Friendli API, with upload helpers.
 * Storage uploads and media downloads go through the same client (its `fetch`, `timeout`
 * and `maxRetries`), without the token, the team or any API header.
 */
export function createFriendliDatasets(options: SharedClientOptions = {}): FriendliDatasets {
  return buildDatasets(clientFromOptions(options));
}

function buildDatasets(client: FriendliClient): FriendliDatasets {
  return { ...datasetsApi(client), withOptions: (overrides) => buildDatasets(client.withOptions(overrides)) };
}

export function datasetsApi(client: FriendliClient) {
  const core = coreOf(client);

  const files = fileOperations(core);
  const datasetOps = datasetOperations(core);
  const context: DatasetsContext = {
    core,
    datasets: datasetOps,
    splits: splitOperations(core),
    samples: sampleOperations(core),
    files,
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
    versions: versionOperations(core),
    splits: context.splits,
    samples: context.samples,
    files,
  };
}

export interface FriendliDatasets extends ReturnType<typeof datasetsApi> {
  /** The same API over a client with some options changed (timeouts, team, retries). */
  withOptions(options: ClientOptions): FriendliDatasets;
}
