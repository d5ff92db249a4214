import { startFaultServer, stopAfterEach, timeoutOnlyFor } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APITimeoutError,
  BadRequestError,
  createFriendliDatasets,
  type DatasetHandle,
  InvalidInputError,
  type Sample,
  SampleUploadError,
  SampleValidationError,
  type UploadProgress,
} from "../../src/index.ts";
import { type FakeApi, startFakeApi } from "../support/start-fake-api.ts";

// A local fake of the API (a real HTTP server) that stores batches and then misbehaves: it cuts
// the connection once the batch is stored, or before, or never answers. The failed upload must
// say exactly how far it got, and a second upload from there must leave every sample stored once.

const running = stopAfterEach();

const SAMPLES = 25;
const BATCH = 5;
const lines = Array.from({ length: SAMPLES }, (_, i) =>
  JSON.stringify({
    messages: [
      { role: "user", content: `question ${i}` },
      { role: "assistant", content: `answer ${i}` },
    ],
  }),
);
const jsonl = () => new Blob([`${lines.join("\n")}\n`]);

async function setup(options: { timeout?: number; fetch?: typeof fetch } = {}): Promise<{
  api: FakeApi;
  dataset: DatasetHandle;
  splitId: string;
}> {
  // Media never reaches storage in these tests: a closed port stands in for it.
  const api = await startFakeApi({ storageUrl: "http://127.0.0.1:9", keepSamples: true });
  running.push(api);
  const friendli = createFriendliDatasets({ baseURL: api.url, token: "test-token", maxRetries: 0, ...options });
  const dataset = await friendli.datasets.open({ projectId: "p", name: "resume", modality: ["TEXT", "IMAGE"] });
  return { api, dataset, splitId: String((await dataset.split()).id) };
}

async function failedUpload(dataset: DatasetHandle, options: { onProgress?: (p: UploadProgress) => void } = {}) {
  const error = await dataset.uploadSamples(jsonl(), { batchSize: BATCH, ...options }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SampleUploadError);
  return error as SampleUploadError;
}

/** The split holds every line of the file once, in file order. */
function expectEachSampleOnce(api: FakeApi, splitId: string) {
  expect(api.splitSamples(splitId).map(([, data]) => data)).toEqual(lines);
}

describe("an upload whose connection breaks after the API stored the batch", () => {
  it("reads the split back, counts the batch as stored, and resumes without sending a sample twice", async () => {
    const { api, dataset, splitId } = await setup();
    api.faults.addSamples = (n) => (n === 3 ? "store-then-cut" : "answer");
    let said = 0;
    const error = await failedUpload(dataset, { onProgress: (p) => (said = p.samplesDone) });

    // The API stored three batches; progress had heard of two.
    expect(said).toBe(10);
    const held = api.splitSamples(splitId);
    expect(held).toHaveLength(15);
    expect(error).toMatchObject({ samplesStored: 15, batchOutcome: "stored", batch: { first: 10, count: 5 } });
    expect(error.ids).toEqual(held.map(([id]) => id));
    expect(error.cause).toBeInstanceOf(APIConnectionError);
    expect(error.message).toMatch(
      /^15 samples stored \(resume with resumeFrom: 15\); samples 10\.\.14 counted as stored/,
    );

    api.faults.addSamples = undefined;
    const ids = await dataset.uploadSamples(jsonl(), { batchSize: BATCH, resumeFrom: error.samplesStored });
    expect(ids).toEqual(
      api
        .splitSamples(splitId)
        .slice(15)
        .map(([id]) => id),
    );
    expectEachSampleOnce(api, splitId);
  });

  it("does the same when the answer never comes and the call's timeout ends the request", async () => {
    // Only the held add request gets the signal: the 300 ms cannot end an answered one first.
    let adds = 0;
    const fetch = timeoutOnlyFor(
      globalThis.fetch,
      (method, url) => method === "POST" && url.pathname.endsWith("/sample") && ++adds === 2,
    );
    const { api, dataset, splitId } = await setup({ timeout: 300, fetch });
    api.faults.addSamples = (n) => (n === 2 ? "store-then-hang" : "answer");
    const error = await failedUpload(dataset);
    expect(error.cause).toBeInstanceOf(APITimeoutError);
    expect(error).toMatchObject({ samplesStored: 10, batchOutcome: "stored" });

    api.faults.addSamples = undefined;
    await dataset.uploadSamples(jsonl(), { batchSize: BATCH, resumeFrom: error.samplesStored });
    expectEachSampleOnce(api, splitId);
  });

  it("keeps the batch in doubt when the read-back fails too, and says so", async () => {
    const { api, dataset, splitId } = await setup();
    api.faults.addSamples = (n) => (n === 3 ? "store-then-cut" : "answer");
    api.faults.listSamples = () => "cut";
    const error = await failedUpload(dataset);
    expect(error).toMatchObject({ samplesStored: 10, batchOutcome: "unknown", batch: { first: 10, count: 5 } });
    expect(error.ids).toEqual(
      api
        .splitSamples(splitId)
        .slice(0, 10)
        .map(([id]) => id),
    );
    expect(error.message).toMatch(/samples 10\.\.14 may have been stored/);
    expect(error.message).toMatch(/reading the split back .*failed/);
  });
});

describe("a read-back in a split that already held the same samples", () => {
  it("does not take copies stored before the upload for the batch in doubt", async () => {
    const { api, dataset, splitId } = await setup();
    await dataset.uploadSamples(jsonl(), { batchSize: BATCH });

    // The same file again: the third batch is cut before it is stored, and copies of its
    // samples are in the split from the first upload.
    api.faults.addSamples = (n) => (n === 5 + 3 ? "cut" : "answer");
    const notThere = await failedUpload(dataset);
    expect(notThere).toMatchObject({ samplesStored: 10, batchOutcome: "unknown" });
    expect(notThere.message).toMatch(/copies of these samples stored before this upload, and none after/);

    // And once more, the third batch stored this time: found after this upload's own samples.
    api.faults.addSamples = (n) => (n === 5 + 3 + 3 ? "store-then-cut" : "answer");
    const there = await failedUpload(dataset);
    expect(there).toMatchObject({ samplesStored: 15, batchOutcome: "stored" });
    expect(there.ids).toEqual(
      api
        .splitSamples(splitId)
        .slice(-15)
        .map(([id]) => id),
    );
  });
});

describe("an upload whose batch did not reach the split", () => {
  it("finds the batch absent after a cut before storing, and resumes from there", async () => {
    const { api, dataset, splitId } = await setup();
    api.faults.addSamples = (n) => (n === 3 ? "cut" : "answer");
    const error = await failedUpload(dataset);
    expect(error).toMatchObject({ samplesStored: 10, batchOutcome: "not stored" });
    expect(api.splitSamples(splitId)).toHaveLength(10);

    api.faults.addSamples = undefined;
    await dataset.uploadSamples(jsonl(), { batchSize: BATCH, resumeFrom: error.samplesStored });
    expectEachSampleOnce(api, splitId);
  });

  it("takes an error answer as a refusal, without reading the split back", async () => {
    const { api, dataset } = await setup();
    api.faults.addSamples = (n) => (n === 2 ? { status: 400 } : "answer");
    const error = await failedUpload(dataset);
    expect(error).toMatchObject({ samplesStored: 5, batchOutcome: "refused" });
    expect(error.cause).toBeInstanceOf(BadRequestError);
    expect(api.requests.filter((r) => r.method === "GET" && r.path.includes("/sample"))).toHaveLength(0);
  });

  it("takes a 409 (a conflict the batch may have caused) as unknown, and settles it by reading the split back", async () => {
    const { api, dataset, splitId } = await setup();
    api.faults.addSamples = (n) => (n === 2 ? { status: 409 } : "answer");
    const error = await failedUpload(dataset);
    // The fake API stored nothing of the refused batch, so the read-back finds it absent.
    expect(error).toMatchObject({ samplesStored: 5, batchOutcome: "not stored" });
    expect(api.splitSamples(splitId)).toHaveLength(5);
    expect(api.requests.filter((r) => r.method === "GET" && r.path.includes("/sample")).length).toBeGreaterThan(0);
  });

  it("tells how far it got when a sample fails its checks", async () => {
    const { api, dataset } = await setup();
    const bad = [...lines.slice(0, 12), '{"messages": [{"role": "bot", "content": "x"}]}', ...lines.slice(12)];
    const error = (await dataset
      .uploadSamples(new Blob([bad.join("\n")]), { batchSize: BATCH })
      .catch((e: unknown) => e)) as SampleUploadError;
    expect(error).toMatchObject({ samplesStored: 10, batchOutcome: "not sent", batch: null });
    expect(error.cause).toBeInstanceOf(SampleValidationError);
    expect(error.message).toMatch(
      /^10 samples stored \(resume with resumeFrom: 10\); nothing from sample 10 on was sent: line 13 \(messages\[0\]\.role\)/,
    );
    expect(api.samplesAdded).toBe(10);
  });
});

describe("resumeFrom", () => {
  it("skips the first samples: neither their media nor the samples are sent", async () => {
    const images = await startFaultServer((req, res) => {
      res.writeHead(404);
      res.end(req.url);
    });
    running.push(images);
    const { api, dataset, splitId } = await setup();
    const image = (i: number): Sample => ({
      messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: `${images.url}/${i}.png` } }] }],
    });
    // Every image would fail: only those of samples actually sent are fetched.
    const samples = [image(0), image(1), image(2), ...lines.slice(0, 2)];
    let last: UploadProgress | undefined;
    const ids = await dataset.uploadSamples(samples, { resumeFrom: 3, onProgress: (p) => (last = p) });
    expect(images.requests).toHaveLength(0);
    expect(ids).toHaveLength(2);
    expect(api.splitSamples(splitId).map(([, data]) => data)).toEqual(lines.slice(0, 2));
    expect(last).toMatchObject({ samplesDone: 5, samplesTotal: 5 });
  });

  it("refuses to skip more samples than the input holds", async () => {
    const { api, dataset } = await setup();
    const error = await dataset.uploadSamples(jsonl(), { resumeFrom: SAMPLES + 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(/resumeFrom is 26 but the input holds 25 samples/);
    expect(api.addRequests).toBe(0);
    await expect(dataset.uploadSamples(jsonl(), { resumeFrom: -1 })).rejects.toBeInstanceOf(RangeError);
  });
});
