import { ValidationError } from "@friendli-ts/client";
import { operations } from "@friendli-ts/client/internal";
import { operationIdsByTag } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { calledOperations, mockDatasets, seenRequests } from "../support/mock-datasets.ts";

// Prism answers with the spec's examples where it has them (some are in the older
// snake_case shape, e.g. `created_at`), else with values generated from the schema
// ("string", 0). The assertions below follow what it really sends.
const friendli = mockDatasets();
const lastRequest = () => seenRequests.at(-1)!;

describe("datasets over HTTP to the mock server", () => {
  it("creates a dataset", async () => {
    const dataset = await friendli.datasets.create({
      name: "cats",
      projectId: "proj-1",
      modality: { input_modals: ["TEXT", "IMAGE"], output_modals: ["TEXT"] },
    });
    expect(dataset.name).toBe("dataset-name");
    expect(lastRequest().method).toBe("POST");
  });

  it("lists datasets with the camelCase query the spec names", async () => {
    const page = await friendli.datasets.list({ projectId: "proj-1", nameSearch: "cats", limit: 5 });
    expect(page.data[0]?.name).toBe("dataset-name");
    const url = new URL(lastRequest().url);
    expect(url.searchParams.get("projectId")).toBe("proj-1");
    expect(url.searchParams.get("nameSearch")).toBe("cats");
  });

  it("gets and deletes a dataset, with a per-call team header", async () => {
    const dataset = await friendli.datasets.get("ds-1", { teamId: "team-9" });
    expect(dataset).toMatchObject({ name: "dataset-name" });
    expect(lastRequest().headers.get("x-friendli-team")).toBe("team-9");
    await expect(friendli.datasets.delete("ds-1")).resolves.toBeUndefined();
    expect(new URL(lastRequest().url).pathname).toBe("/beta/dataset/ds-1");
  });
});

describe("versions", () => {
  it("creates, lists, gets and deletes versions", async () => {
    const created = await friendli.versions.create("ds-1", { comment: "first cut" });
    expect(created).toEqual({ id: "string", comment: "string", createdAt: 0 });
    expect(new URL(lastRequest().url).searchParams.get("comment")).toBe("first cut");
    expect((await friendli.versions.list("ds-1")).versions).toHaveLength(1);
    expect((await friendli.versions.get("ds-1", "v-1")).id).toBe("string");
    await friendli.versions.delete("ds-1", "v-1");
    expect(new URL(lastRequest().url).pathname).toBe("/beta/dataset/ds-1/version/v-1");
  });
});

describe("splits", () => {
  it("creates, lists, gets and deletes splits", async () => {
    expect((await friendli.splits.create("ds-1", { name: "train" })).name).toBe("string");
    expect(new URL(lastRequest().url).searchParams.get("name")).toBe("train");
    expect((await friendli.splits.list("ds-1", { limit: 10 })).data[0]?.id).toBe("string");
    expect((await friendli.splits.get("ds-1", "split-1")).id).toBe("string");
    await friendli.splits.delete("ds-1", "split-1");
    expect(lastRequest().method).toBe("DELETE");
  });

  it("lists all splits and stops when the server repeats its cursor", async () => {
    // Prism always answers nextCursor "string": the second page repeats it, so the walk ends.
    const all = [];
    for await (const split of friendli.splits.listAll("ds-1")) all.push(split);
    expect(all).toHaveLength(2);
    expect(new URL(lastRequest().url).searchParams.get("cursor")).toBe("string");
  });

  it("lists all datasets into an array, fetching no page past the limit", async () => {
    const before = seenRequests.length;
    const first = await friendli.datasets.listAll({ projectId: "proj-1" }).toArray(1);
    expect(first).toHaveLength(1);
    expect(seenRequests.length - before).toBe(1);
  });
});

describe("samples", () => {
  it("adds samples as JSON strings", async () => {
    const sample = { messages: [{ role: "user" as const, content: "hi" }] };
    const result = await friendli.samples.add("ds-1", "split-1", [sample, JSON.stringify(sample)]);
    expect(Array.isArray(result.samples)).toBe(true);
  });

  it("lists samples", async () => {
    const page = await friendli.samples.list("ds-1", "split-1", { limit: 3 });
    expect(Array.isArray(page.data)).toBe(true);
  });

  it("lists all samples page by page", async () => {
    const pages = [];
    for await (const pair of friendli.samples.listAll("ds-1", "split-1", { limit: 1 })) pages.push(pair);
    // One item per page from the mock server; its second page repeats the cursor, which ends the walk.
    expect(pages).toHaveLength(2);
  });

  it("uploads a raw JSONL file as multipart", async () => {
    const file = new File(['{"messages":[{"role":"user","content":"hi"}]}\n'], "samples.jsonl");
    const result = await friendli.samples.uploadRaw("ds-1", "split-1", file);
    expect(Array.isArray(result.samples)).toBe(true);
    expect(lastRequest().method).toBe("PUT");
  });

  it("deletes samples by id", async () => {
    const result = await friendli.samples.delete("ds-1", "split-1", ["ds-1:v:split-1:1", 2]);
    expect(result.sampleIds).toEqual(["string"]);
  });
});

describe("files", () => {
  it("starts an upload with the spec's camelCase body", async () => {
    const init = await friendli.files.initUpload({
      name: "cat.png",
      size: 3,
      digest: `sha256:${"ab".repeat(32)}`,
      projectId: "proj-1",
    });
    // The mock hands out an upload to its own storage (see the client's testing README).
    expect(init).toMatchObject({ fileId: expect.stringMatching(/^mock-file-/), aws: expect.any(Object) });
    expect(new URL(init.uploadUrl!).hostname).toBe("127.0.0.1");
  });

  it("is rejected by the mock server when sent the docs' snake_case shape", async () => {
    const old = { name: "cat.png", size: 3, digest: `sha256:${"ab".repeat(32)}`, project_id: "proj-1" };
    const error = await friendli.files.initUpload(old as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(String(error)).toMatch(/projectId/);
  });

  it("completes an upload, gets file info and a download URL", async () => {
    await expect(friendli.files.completeUpload("file-1")).resolves.toBeUndefined();
    expect(lastRequest().method).toBe("PATCH");
    expect(await friendli.files.getInfo("file-1")).toMatchObject({ id: "file-id", size: 1024, status: "UPLOADED" });
    // The published example is in an older shape; the mock answers the repaired one.
    const download = await friendli.files.getDownloadUrl("file-1");
    expect(download).toMatchObject({ fileId: expect.any(String), s3Uri: expect.stringMatching(/^s3:\/\//) });
    expect(new URL(download.downloadUrl).protocol).toMatch(/^https?:$/);
  });
});

describe("coverage", () => {
  it("called every Dataset and File operation of the spec", async () => {
    const byTag = await operationIdsByTag();
    const wanted = [...(byTag.get("Dataset") ?? []), ...(byTag.get("File") ?? [])].filter(
      (id) => !operations[id as keyof typeof operations].stream,
    );
    const missing = wanted.filter((id) => !calledOperations().has(id));
    console.log(`datasets coverage: ${wanted.length - missing.length}/${wanted.length} operations`);
    expect(missing).toEqual([]);
    // Not a count to keep in step with the spec: the tags found anything at all.
    expect(wanted.length).toBeGreaterThan(0);
  });
});
