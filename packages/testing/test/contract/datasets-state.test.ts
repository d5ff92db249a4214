import { NotFoundError } from "@friendli-ts/client";
import { createFriendliDatasets, type Sample } from "@friendli-ts/datasets";
import { imageText, visionSamples } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { specCheckedMock } from "../support/spec-checked-mock.ts";

// The datasets package against the mock's state: a dataset, its splits, versions and samples
// are kept, and media go to the mock's storage, so uploadSamples runs end to end. Every answer
// the package reads is checked against the spec on the way.
const state = specCheckedMock();
const client = () => createFriendliDatasets(state.clientOptions());
const samples: Sample[] = visionSamples;

describe("datasets the mock holds", () => {
  it("uploadSamples stores the samples and their media; listing the split gives them back as sent", async () => {
    const friendli = client();
    const dataset = await friendli.datasets.open({ projectId: "p", name: "vision", modality: ["TEXT", "IMAGE"] });
    expect(dataset.created).toBe(true);
    const jsonl = new Blob([samples.map((s) => JSON.stringify(s)).join("\n")]);
    const ids = await dataset.uploadSamples(jsonl, { batchSize: 1 });
    const split = await dataset.split();
    const listed = await friendli.samples.listAll(dataset.id, String(split.id)).toArray();
    expect(listed.map(([id]) => id)).toEqual(ids);
    expect(JSON.parse(listed[0]?.[1] as string)).toEqual(samples[0]);
    // The image went to the mock's storage; the sample names it by its storage URI.
    const [image] = state.mock.storage.objects();
    expect(new TextDecoder().decode(image?.bytes)).toBe(imageText);
    expect(listed[1]?.[1]).toContain(`"url":"s3://mock-storage/${image?.key}"`);

    // Opened again by name: the same dataset and split, found, not created.
    const again = await friendli.datasets.open({ projectId: "p", name: "vision", modality: ["TEXT", "IMAGE"] });
    expect([again.id, again.created, (await again.split()).id]).toEqual([dataset.id, false, split.id]);
  });

  it("lists datasets by project and name, page by page", async () => {
    const { datasets } = client();
    const modality = { input_modals: ["TEXT" as const], output_modals: ["TEXT" as const] };
    const made = [];
    for (const name of ["alpha", "beta", "alphabet"])
      made.push(await datasets.create({ name, projectId: "p", modality }));
    await datasets.create({ name: "alpha", projectId: "other", modality });
    const found = await datasets.listAll({ projectId: "p", nameSearch: "alpha", limit: 1 }).toArray();
    expect(found.map((d) => d.id)).toEqual([made[0]?.id, made[2]?.id]);
    expect(await datasets.get(String(made[1]?.id))).toEqual(made[1]);
  });

  it("keeps splits and versions; deletes remove them, and a deleted split's samples are a 404", async () => {
    const friendli = client();
    const modality = { input_modals: ["TEXT" as const], output_modals: ["TEXT" as const] };
    const { id } = await friendli.datasets.create({ name: "d", projectId: "p", modality });
    const train = await friendli.splits.create(id, { name: "train" });
    const test = await friendli.splits.create(id, { name: "test" });
    expect((await friendli.splits.listAll(id).toArray()).map((s) => s.name)).toEqual(["train", "test"]);
    const version = await friendli.versions.create(id, { comment: "first cut" });
    expect(await friendli.versions.get(id, version.id)).toEqual(version);
    expect((await friendli.versions.list(id)).versions).toEqual([version]);
    await friendli.versions.delete(id, version.id);
    expect((await friendli.versions.list(id)).versions).toEqual([]);

    await friendli.splits.delete(id, test.id);
    expect((await friendli.splits.listAll(id).toArray()).map((s) => s.id)).toEqual([train.id]);
    await expect(friendli.samples.list(id, test.id)).rejects.toBeInstanceOf(NotFoundError);
    await friendli.datasets.delete(id);
    const error = await friendli.datasets.get(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain(`dataset "${id}" does not exist in the mock`);
  });

  it("adds a raw JSONL file's lines and deletes samples by id", async () => {
    const friendli = client();
    const modality = { input_modals: ["TEXT" as const], output_modals: ["TEXT" as const] };
    const { id } = await friendli.datasets.create({ name: "d", projectId: "p", modality });
    const split = await friendli.splits.create(id, { name: "train" });
    const lines = samples.slice(0, 1).map((s) => JSON.stringify(s));
    const raw = await friendli.samples.uploadRaw(id, split.id, new Blob([`${lines[0]}\n${lines[0]}\n`]));
    expect(raw.samples.map(([, data]) => data)).toEqual([lines[0], lines[0]]);
    const [first] = raw.samples[0] as [string, string];
    expect((await friendli.samples.delete(id, split.id, [first, "never-made"])).sampleIds).toEqual([first]);
    expect((await friendli.samples.listAll(id, split.id).toArray()).map(([sid]) => sid)).toEqual([raw.samples[1]?.[0]]);
  });

  it("reset() forgets every dataset", async () => {
    const { datasets } = client();
    const modality = { input_modals: ["TEXT" as const], output_modals: ["TEXT" as const] };
    const { id } = await datasets.create({ name: "d", projectId: "p", modality });
    state.mock.reset();
    await expect(datasets.get(id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await datasets.list({ projectId: "p" })).data).toEqual([]);
  });
});
