import type { CallOptions, components, FriendliError, PagedItems } from "@friendli-ts/client";
import { describe, expectTypeOf, it } from "vitest";
import { createFriendliDatasets } from "../../src/create-friendli-datasets.ts";
import type { UploadedFile } from "../../src/file-operations.ts";
import type { DatasetHandle } from "../../src/open-dataset.ts";
import type { SampleUploadError } from "../../src/sample-upload-error.ts";
import type { ListDatasetsQuery, ListedSample, Sample } from "../../src/spec-types.ts";

type Schemas = components["schemas"];
const friendli = createFriendliDatasets({ token: "t" });

describe("parameter and result types come from the spec", () => {
  it("datasets", () => {
    expectTypeOf(friendli.datasets.create).parameter(0).toEqualTypeOf<Schemas["CreateDatasetRequest"]>();
    expectTypeOf(friendli.datasets.create).returns.resolves.toEqualTypeOf<Schemas["DatasetInfo"]>();
    expectTypeOf(friendli.datasets.get).returns.resolves.toEqualTypeOf<Schemas["DatasetInfo"]>();
    expectTypeOf(friendli.datasets.list).returns.resolves.toHaveProperty("data");
    // @ts-expect-error projectId is required to list
    void friendli.datasets.list({});
    // @ts-expect-error the docs' snake_case shape is not the spec's
    void friendli.datasets.create({ name: "n", project_id: "p", modality: {} });
  });

  it("versions, splits and samples", () => {
    expectTypeOf(friendli.versions.create).returns.resolves.toEqualTypeOf<Schemas["VersionInfo"]>();
    expectTypeOf(friendli.versions.list).returns.resolves.toEqualTypeOf<Schemas["ListVersionsResponse"]>();
    expectTypeOf(friendli.splits.get).returns.resolves.toEqualTypeOf<Schemas["SplitInfo"]>();
    expectTypeOf(friendli.samples.delete).parameter(2).toEqualTypeOf<(string | number)[]>();
    expectTypeOf(friendli.samples.uploadRaw).parameter(2).toEqualTypeOf<Blob>();
    expectTypeOf(friendli.samples.delete).returns.resolves.toEqualTypeOf<Schemas["DeleteSamplesResponse"]>();
  });

  it("files", () => {
    expectTypeOf(friendli.files.initUpload).parameter(0).toEqualTypeOf<Schemas["FileInitUploadRequest"]>();
    expectTypeOf(friendli.files.initUpload).returns.resolves.toEqualTypeOf<Schemas["FileInitUploadResponse"]>();
    expectTypeOf(friendli.files.getInfo).returns.resolves.toEqualTypeOf<Schemas["FileInfo"]>();
    expectTypeOf(friendli.files.getDownloadUrl).returns.resolves.toEqualTypeOf<Schemas["FileGetDownloadUrlResponse"]>();
    expectTypeOf(friendli.files.upload).returns.resolves.toEqualTypeOf<UploadedFile>();
    // @ts-expect-error projectId, not project_id
    void friendli.files.initUpload({ name: "a", size: 1, digest: "sha256:00", project_id: "p" });
  });
});

describe("listAll, call options and factory options", () => {
  it("every auto-paging list is a listAll giving the client's PagedItems", () => {
    expectTypeOf(friendli.datasets.listAll).returns.toEqualTypeOf<PagedItems<Schemas["DatasetInfo"]>>();
    expectTypeOf(friendli.splits.listAll).returns.toEqualTypeOf<PagedItems<Schemas["SplitInfo"]>>();
    expectTypeOf(friendli.samples.listAll).returns.toEqualTypeOf<PagedItems<ListedSample>>();
    expectTypeOf(friendli.datasets).not.toHaveProperty("iterate");
    expectTypeOf(friendli.splits).not.toHaveProperty("iterate");
    expectTypeOf(friendli.samples).not.toHaveProperty("iterate");
    // Cursors are plain strings: a kept one can be handed back without a cast.
    expectTypeOf<ListDatasetsQuery["cursor"]>().toEqualTypeOf<string | null | undefined>();
    void friendli.datasets.listAll({ projectId: "p", cursor: "kept-cursor" });
  });

  it("each method takes the client's CallOptions last", () => {
    expectTypeOf(friendli.datasets.get).parameter(1).toEqualTypeOf<CallOptions | undefined>();
    expectTypeOf(friendli.samples.listAll).parameter(3).toEqualTypeOf<CallOptions | undefined>();
    expectTypeOf<Parameters<typeof friendli.files.upload>[1]>().toExtend<CallOptions>();
    void friendli.datasets.get("ds", { timeout: 5_000, maxRetries: 0, headers: { "x-trace": "1" }, teamId: "t" });
  });

  it("the storage options are gone: the client's fetch, timeout and maxRetries govern storage", () => {
    // @ts-expect-error no storageRetries any more
    void createFriendliDatasets({ storageRetries: 3 });
    // @ts-expect-error no storageFetch any more
    void createFriendliDatasets({ storageFetch: fetch });
    // @ts-expect-error no storageTimeoutMs on a call either
    void friendli.files.upload(new Blob([]), { name: "a", projectId: "p", storageTimeoutMs: 1 });
  });
});

describe("high-level helpers", () => {
  it("samples are typed from the spec's messages", () => {
    expectTypeOf<Sample["messages"][number]>().toEqualTypeOf<Schemas["Message"]>();
    // @ts-expect-error "bot" is not a role
    const bad: Sample = { messages: [{ role: "bot", content: "hi" }] };
    void bad;
  });

  it("open resolves to a handle whose uploadSamples gives ids", () => {
    expectTypeOf(friendli.datasets.open).returns.resolves.toEqualTypeOf<DatasetHandle>();
    expectTypeOf<DatasetHandle["uploadSamples"]>().returns.resolves.toEqualTypeOf<string[]>();
    type Input = Parameters<DatasetHandle["uploadSamples"]>[0];
    expectTypeOf<Sample[]>().toExtend<Input>();
    expectTypeOf<ReadableStream<Uint8Array>>().toExtend<Input>();
    expectTypeOf<AsyncIterable<Sample>>().toExtend<Input>();
    expectTypeOf<File>().toExtend<Input>();
    expectTypeOf<number[]>().not.toExtend<Input>();
  });

  it("a handle's uploadSamples resumes from a count, and its error tells that count", () => {
    type Options = NonNullable<Parameters<DatasetHandle["uploadSamples"]>[1]>;
    expectTypeOf<Options["resumeFrom"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<SampleUploadError["samplesStored"]>().toEqualTypeOf<number>();
    expectTypeOf<SampleUploadError["ids"]>().toEqualTypeOf<string[]>();
    expectTypeOf<SampleUploadError["batchOutcome"]>().toEqualTypeOf<
      "not sent" | "refused" | "stored" | "not stored" | "unknown"
    >();
    expectTypeOf<SampleUploadError>().toExtend<FriendliError>();
  });
});
