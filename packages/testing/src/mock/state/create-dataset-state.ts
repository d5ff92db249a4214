import { pageOf } from "./page-of.ts";
import { notFoundBody } from "./state-error-bodies.ts";
import type { StateBudget } from "./state-limits.ts";
import { isRecord, jsonBody, queryParam, type StateAnswer, type StateRequest } from "./state-request.ts";

interface SampleRecord {
  id: string;
  data: string;
  bytes: number;
}

interface SplitRecord {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  samples: SampleRecord[];
}

interface DatasetRecord {
  id: string;
  name: string;
  projectId: string;
  modality: unknown;
  createdAt: number;
  updatedAt: number;
  versions: { id: string; comment: string; createdAt: number }[];
  splits: Map<string, SplitRecord>;
}

const seconds = () => Math.floor(Date.now() / 1000);
const textBytes = (text: string) => new TextEncoder().encode(text).length;

const notFound = (what: string, id: string, param: string): StateAnswer => ({
  status: 404,
  json: notFoundBody(what, id, ["path", param]),
});

/** Datasets, their versions and splits, and the splits' samples, as the mock holds them. */
export function createDatasetState(budget: StateBudget) {
  const datasets = new Map<string, DatasetRecord>();
  let lastId = 0;
  const nextId = (kind: string) => `mock-${kind}-${++lastId}`;

  const info = (d: DatasetRecord) => ({
    id: d.id,
    name: d.name,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    modality: d.modality,
  });
  const splitInfo = (s: SplitRecord) => ({ id: s.id, name: s.name, createdAt: s.createdAt, updatedAt: s.updatedAt });

  /** Adds samples to a split, all or none, within the budget; answers their [id, data] pairs. */
  function addSamples(dataset: DatasetRecord, split: SplitRecord, texts: string[]): StateAnswer {
    const bytes = texts.reduce((sum, text) => sum + textBytes(text), 0);
    const refused = budget.take(texts.length, bytes);
    if (refused) return refused;
    const added = texts.map((data) => ({ id: nextId("sample"), data, bytes: textBytes(data) }));
    split.samples.push(...added);
    split.updatedAt = dataset.updatedAt = seconds();
    return { status: 200, json: { samples: added.map((s) => [s.id, s.data]) } };
  }

  function forget(dataset: DatasetRecord, split: SplitRecord) {
    budget.give(
      1 + split.samples.length,
      split.samples.reduce((sum, s) => sum + s.bytes, 0),
    );
    dataset.splits.delete(split.id);
  }

  async function onSplit(
    operationId: string,
    request: StateRequest,
    dataset: DatasetRecord,
    split: SplitRecord,
  ): Promise<StateAnswer | undefined> {
    switch (operationId) {
      case "get_split":
        return { status: 200, json: splitInfo(split) };
      case "delete_split":
        forget(dataset, split);
        dataset.updatedAt = seconds();
        return { status: 200, json: {} };
      case "add_samples": {
        const body = jsonBody(request);
        if (!Array.isArray(body) || !body.every((s) => typeof s === "string")) return undefined;
        return addSamples(dataset, split, body);
      }
      case "upload_raw_samples": {
        const type = String(request.headers["content-type"] ?? "");
        let file: FormDataEntryValue | null;
        try {
          const form = await new Response(new Uint8Array(request.body), {
            headers: { "content-type": type },
          }).formData();
          file = form.get("file");
        } catch {
          return undefined;
        }
        if (file === null) return undefined;
        const text = typeof file === "string" ? file : await file.text();
        // Reading the form took a turn of the event loop: a delete may have come in meanwhile.
        if (datasets.get(dataset.id) !== dataset || dataset.splits.get(split.id) !== split) {
          return notFound("split", split.id, "split_id");
        }
        return addSamples(
          dataset,
          split,
          text.split(/\r?\n/).filter((line) => line.trim() !== ""),
        );
      }
      case "list_samples": {
        const paged = pageOf(split.samples, request);
        if ("refused" in paged) return paged.refused;
        return { status: 200, json: { data: paged.page.map((s) => [s.id, s.data]), nextCursor: paged.nextCursor } };
      }
      case "delete_samples": {
        const body = jsonBody(request);
        if (!Array.isArray(body)) return undefined;
        const wanted = new Set(body.map(String));
        const gone = split.samples.filter((s) => wanted.has(s.id));
        split.samples = split.samples.filter((s) => !wanted.has(s.id));
        budget.give(
          gone.length,
          gone.reduce((sum, s) => sum + s.bytes, 0),
        );
        if (gone.length > 0) split.updatedAt = dataset.updatedAt = seconds();
        return { status: 200, json: { sampleIds: gone.map((s) => s.id) } };
      }
      default:
        return undefined;
    }
  }

  async function onDataset(
    operationId: string,
    request: StateRequest,
    dataset: DatasetRecord,
    params: Record<string, string>,
  ): Promise<StateAnswer | undefined> {
    switch (operationId) {
      case "get_dataset":
        return { status: 200, json: info(dataset) };
      case "delete_dataset":
        for (const split of [...dataset.splits.values()]) forget(dataset, split);
        budget.give(1 + dataset.versions.length, 0);
        datasets.delete(dataset.id);
        return { status: 200, json: {} };
      case "create_version": {
        const refused = budget.take(1, 0);
        if (refused) return refused;
        const version = { id: nextId("version"), comment: queryParam(request, "comment") ?? "", createdAt: seconds() };
        dataset.versions.push(version);
        return { status: 200, json: version };
      }
      case "list_versions":
        return { status: 200, json: { versions: dataset.versions } };
      case "get_version":
      case "delete_version": {
        const id = params.version_id as string;
        const version = dataset.versions.find((v) => v.id === id);
        if (!version) return notFound("version", id, "version_id");
        if (operationId === "get_version") return { status: 200, json: version };
        dataset.versions = dataset.versions.filter((v) => v !== version);
        budget.give(1, 0);
        return { status: 200, json: {} };
      }
      case "create_split": {
        const refused = budget.take(1, 0);
        if (refused) return refused;
        const at = seconds();
        const split: SplitRecord = {
          id: nextId("split"),
          name: queryParam(request, "name") ?? "",
          createdAt: at,
          updatedAt: at,
          samples: [],
        };
        dataset.splits.set(split.id, split);
        dataset.updatedAt = at;
        return { status: 200, json: splitInfo(split) };
      }
      case "list_splits": {
        const paged = pageOf([...dataset.splits.values()], request);
        if ("refused" in paged) return paged.refused;
        return { status: 200, json: { data: paged.page.map(splitInfo), nextCursor: paged.nextCursor } };
      }
      default: {
        const splitId = params.split_id;
        if (splitId === undefined) return undefined;
        const split = dataset.splits.get(splitId);
        if (!split) return notFound("split", splitId, "split_id");
        return onSplit(operationId, request, dataset, split);
      }
    }
  }

  return {
    async answer(
      operationId: string,
      request: StateRequest,
      params: Record<string, string>,
    ): Promise<StateAnswer | undefined> {
      if (operationId === "create_dataset") {
        const body = jsonBody(request);
        if (!isRecord(body) || typeof body.name !== "string" || typeof body.projectId !== "string") return undefined;
        const refused = budget.take(1, 0);
        if (refused) return refused;
        const at = seconds();
        const dataset: DatasetRecord = {
          id: nextId("dataset"),
          name: body.name,
          projectId: body.projectId,
          modality: isRecord(body.modality) ? body.modality : {},
          createdAt: at,
          updatedAt: at,
          versions: [],
          splits: new Map(),
        };
        datasets.set(dataset.id, dataset);
        return { status: 200, json: info(dataset) };
      }
      if (operationId === "list_datasets") {
        const project = queryParam(request, "projectId");
        const search = queryParam(request, "nameSearch");
        const found = [...datasets.values()].filter(
          (d) => d.projectId === project && (!search || d.name.includes(search)),
        );
        const paged = pageOf(found, request);
        if ("refused" in paged) return paged.refused;
        return { status: 200, json: { data: paged.page.map(info), nextCursor: paged.nextCursor } };
      }
      const id = params.dataset_id;
      if (id === undefined) return undefined;
      const dataset = datasets.get(id);
      if (!dataset) return notFound("dataset", id, "dataset_id");
      return onDataset(operationId, request, dataset, params);
    },
    reset() {
      datasets.clear();
    },
  };
}
