import { type CallOptions, FriendliError, InvalidInputError } from "@friendli-ts/client";
import { type CallCore, makeRequest, redactError, secretOf } from "@friendli-ts/client/internal";
import type { datasetOperations } from "./dataset-operations.ts";
import type { fileOperations } from "./file-operations.ts";
import type { sampleOperations } from "./sample-operations.ts";
import type { SampleInput } from "./sample-source.ts";
import type { DatasetInfo, DatasetModality, ModalityType, SplitInfo } from "./spec-types.ts";
import type { splitOperations } from "./split-operations.ts";
import { type UploadSamplesOptions, uploadSamples } from "./upload-samples.ts";

export const DEFAULT_SPLIT = "train";

export interface DatasetsContext {
  core: CallCore;
  datasets: ReturnType<typeof datasetOperations>;
  splits: ReturnType<typeof splitOperations>;
  samples: ReturnType<typeof sampleOperations>;
  files: ReturnType<typeof fileOperations>;
}

export interface OpenDatasetOptions extends CallOptions {
  projectId: string;
  name: string;
  /** Input modalities (output is TEXT), or a full modality object. */
  modality: ModalityType[] | DatasetModality;
  /** Split created with a new dataset (and made sure of for an existing one). Default `train`. */
  defaultSplit?: string;
}

export interface OpenDatasetByIdOptions extends CallOptions {
  projectId: string;
  /** Used to check samples only when the API's answer carries no modality. */
  modality?: ModalityType[] | DatasetModality;
}

export interface DatasetHandle {
  readonly id: string;
  readonly info: DatasetInfo;
  readonly projectId: string;
  /** The modality samples are checked against. */
  readonly modality: DatasetModality;
  /** True when `open` created the dataset rather than finding it. */
  readonly created: boolean;
  /** The split with this name, created when the dataset has none. */
  split(name?: string, options?: CallOptions): Promise<SplitInfo>;
  /**
   * Checks, stores media and adds samples to a split (default: the default split), each as
   * written; ids in input order. A failure part way is a SampleUploadError telling how many
   * samples are stored; `resumeFrom` goes on from there.
   */
  uploadSamples(input: SampleInput, options?: UploadSamplesOptions & { split?: string }): Promise<string[]>;
}

/** Finds the project's dataset with this exact name, or creates it; either way with its default split. */
export async function openDataset(context: DatasetsContext, options: OpenDatasetOptions): Promise<DatasetHandle> {
  if (!options.name) throw new InvalidInputError("open needs a dataset `name`");
  if (!options.projectId) throw new InvalidInputError("open needs a `projectId`");
  const modality = toModality(options.modality);
  let found: DatasetInfo | undefined;
  for await (const dataset of context.datasets.listAll(
    { projectId: options.projectId, nameSearch: options.name },
    options,
  )) {
    if (dataset.name === options.name) {
      found = dataset;
      break;
    }
  }
  const info =
    found ?? (await context.datasets.create({ name: options.name, projectId: options.projectId, modality }, options));
  const handle = datasetHandle(
    context,
    info,
    options.projectId,
    info.modality ?? modality,
    !found,
    options.defaultSplit,
  );
  await handle.split(options.defaultSplit ?? DEFAULT_SPLIT, options);
  return handle;
}

/** A handle on an existing dataset. */
export async function openDatasetById(
  context: DatasetsContext,
  datasetId: string,
  options: OpenDatasetByIdOptions,
): Promise<DatasetHandle> {
  const info = await context.datasets.get(datasetId, options);
  const modality = info.modality ?? (options.modality ? toModality(options.modality) : undefined);
  if (!modality) {
    throw new FriendliError(`dataset ${datasetId} came back without a modality: pass \`modality\` to check samples`);
  }
  return datasetHandle(context, info, options.projectId, modality, false);
}

function datasetHandle(
  context: DatasetsContext,
  info: DatasetInfo,
  projectId: string,
  modality: DatasetModality,
  created: boolean,
  defaultSplit = DEFAULT_SPLIT,
): DatasetHandle {
  // Some servers send numeric ids; paths take strings.
  const id = String(info.id);
  let known: Promise<Map<string, SplitInfo>> | undefined;
  const pending = new Map<string, Promise<SplitInfo>>();

  const loadSplits = async (request: CallOptions) => {
    const byName = new Map<string, SplitInfo>();
    if (created) return byName; // a dataset made a moment ago has no splits to list
    for await (const split of context.splits.listAll(id, {}, request)) byName.set(split.name, split);
    return byName;
  };

  const split = (name = defaultSplit, request: CallOptions = {}): Promise<SplitInfo> => {
    let result = pending.get(name);
    if (!result) {
      result = (async () => {
        if (!known) {
          const loading = loadSplits(request);
          known = loading;
          // A failed listing (a timeout, an abort) is tried again by the next call.
          loading.catch(() => {
            if (known === loading) known = undefined;
          });
        }
        const existing = (await known).get(name);
        return existing ?? (await context.splits.create(id, { name }, request));
      })();
      pending.set(name, result);
      result.catch(() => pending.delete(name));
    }
    return result;
  };

  return {
    id,
    info,
    projectId,
    modality,
    created,
    split,
    async uploadSamples(input, options = {}) {
      const splitId = String((await split(options.split ?? defaultSplit, options)).id);
      return uploadSamples(
        {
          modality,
          add: (samples, callOptions) => context.samples.add(id, splitId, samples, callOptions),
          list: (callOptions) => context.samples.listAll(id, splitId, { direction: "asc" }, callOptions),
          media: {
            download: (url, callOptions, maxBytes) =>
              makeRequest(context.core, { url, method: "GET", plain: true, maxBytes }, callOptions),
            upload: (data, name, callOptions) => context.files.upload(data, { ...callOptions, name, projectId }),
            s3Uri: async (fileId, callOptions) => {
              const answer = await context.files.getDownloadUrl(fileId, callOptions);
              const { s3Uri } = answer;
              if (typeof s3Uri !== "string" || !s3Uri) {
                // The file id is the API's answer to the upload: redacted like any server text.
                const error = new FriendliError(`the download URL answer for file ${fileId} has no s3Uri`);
                throw redactError(error, secretOf(answer, context.core));
              }
              return s3Uri;
            },
          },
        },
        input,
        options,
      );
    },
  };
}

function toModality(modality: ModalityType[] | DatasetModality): DatasetModality {
  return Array.isArray(modality) ? { input_modals: modality, output_modals: ["TEXT"] } : modality;
}
