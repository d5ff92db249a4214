import { APIUserAbortError, NotFoundError } from "@friendli-ts/client";
import { type FaultServer, startFaultServer, stopAfterEach } from "@friendli-ts/test-kit";
import { type LocalS3, startS3 } from "@friendli-ts/test-kit/local-s3";
import { describe, expect, it } from "vitest";
import {
  createFriendliDatasets,
  MediaUploadError,
  type Sample,
  SampleUploadError,
  SampleValidationError,
  type UploadProgress,
} from "../../src/index.ts";
import { PIXEL, PIXEL_URL, sha256 } from "../support/pixel.ts";
import { type FakeApi, startFakeApi } from "../support/start-fake-api.ts";

const running = stopAfterEach();

interface Env {
  s3: LocalS3;
  api: FakeApi;
  images: FaultServer;
  inFlight: { now: number; peak: number };
  friendli: ReturnType<typeof createFriendliDatasets>;
}

async function setup(): Promise<Env> {
  const s3 = await startS3();
  running.push(s3);
  const api = await startFakeApi({ storageUrl: s3.url, keepSamples: true });
  running.push(api);
  const inFlight = { now: 0, peak: 0 };
  // A third-party image host: slow enough for uploads to overlap.
  const images = await startFaultServer(async (req, res) => {
    inFlight.now++;
    inFlight.peak = Math.max(inFlight.peak, inFlight.now);
    await new Promise((r) => setTimeout(r, 20));
    inFlight.now--;
    if (req.url?.startsWith("/missing")) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { "content-type": "image/png" });
    res.end(Buffer.from([...PIXEL, ...Buffer.from(req.url ?? "")]));
  });
  running.push(images);
  const friendli = createFriendliDatasets({ baseURL: api.url, token: "test-token", maxRetries: 0 });
  return { s3, api, images, inFlight, friendli };
}

const text = (content: string): Sample => ({
  messages: [
    { role: "user", content },
    { role: "assistant", content: `echo ${content}` },
  ],
});
const image = (url: string): Sample => ({
  messages: [
    {
      role: "user",
      content: [
        { type: "text", text: "what is this?" },
        { type: "image_url", image_url: { url } },
      ],
    },
    { role: "assistant", content: "a picture" },
  ],
});

describe("datasets.open", () => {
  it("creates the dataset with its default split once, then finds it", async () => {
    const { api, friendli } = await setup();
    const first = await friendli.datasets.open({ projectId: "p", name: "cats", modality: ["TEXT", "IMAGE"] });
    expect(first).toMatchObject({
      created: true,
      modality: { input_modals: ["TEXT", "IMAGE"], output_modals: ["TEXT"] },
    });
    const again = await friendli.datasets.open({ projectId: "p", name: "cats", modality: ["TEXT", "IMAGE"] });
    expect(again).toMatchObject({ created: false, id: first.id });
    expect((await again.split()).name).toBe("train");

    const [a, b] = await Promise.all([again.split("validation"), again.split("validation")]);
    expect(a.id).toBe(b.id);
    const splitCreates = api.requests.filter((r) => r.method === "POST" && r.path.includes("/split?"));
    expect(splitCreates.map((r) => new URL(r.path, "http://x").searchParams.get("name"))).toEqual([
      "train",
      "validation",
    ]);
  });
});

describe("uploadSamples", () => {
  it("stores media, rewrites it to storage URIs and returns ids in input order", async () => {
    const { s3, api, images, friendli } = await setup();
    const dataset = await friendli.datasets.open({ projectId: "p", name: "vision", modality: ["TEXT", "IMAGE"] });
    const progress: UploadProgress[] = [];
    const samples = [
      text("one"),
      image(PIXEL_URL),
      image(`${images.url}/cat.png`),
      text("four"),
      image(`${images.url}/cat.png`),
    ];
    const ids = await dataset.uploadSamples(samples, { batchSize: 2, onProgress: (p) => progress.push(p) });

    expect(ids).toHaveLength(5);
    expect(ids.map((id) => id.split(":").at(-1))).toEqual(["0", "1", "2", "3", "4"]);
    const stored = api.samples.map((s) => JSON.parse(s) as Sample);
    expect(stored[0]).toEqual(samples[0]);
    const urlOf = (s: Sample) => JSON.stringify(s).match(/"url":"([^"]+)"/)?.[1];
    expect(urlOf(stored[1]!)).toBe(`s3://uploads/files/${sha256(PIXEL)}`);
    expect(urlOf(stored[2]!)).toMatch(/^s3:\/\/uploads\/files\/[0-9a-f]{64}$/);
    expect(urlOf(stored[4]!)).toBe(urlOf(stored[2]!));
    expect(await s3.read(`files/${sha256(PIXEL)}`)).toEqual(PIXEL);
    // The input was left alone.
    expect(urlOf(samples[1]!)).toBe(PIXEL_URL);

    // The shared image was downloaded once, without Friendli credentials.
    expect(images.requests).toHaveLength(1);
    expect(images.requests[0]!.headers.authorization).toBeUndefined();
    expect(s3.requests.every((r) => r.authorization === undefined)).toBe(true);

    expect(progress.at(-1)).toMatchObject({ samplesDone: 5, samplesTotal: 5, mediaFiles: 2 });
    expect(progress.at(-1)!.mediaBytes).toBeGreaterThan(PIXEL.length);
    expect(progress.map((p) => p.samplesDone).filter((n, i, all) => all.indexOf(n) === i)).toEqual([0, 2, 4, 5]);
  });

  it("stores a data URL repeated within a batch once, and counts only bytes sent", async () => {
    const { api, s3, friendli } = await setup();
    const dataset = await friendli.datasets.open({ projectId: "p", name: "dupes", modality: ["TEXT", "IMAGE"] });
    let last: UploadProgress | undefined;
    await dataset.uploadSamples([image(PIXEL_URL), image(PIXEL_URL)], { onProgress: (p) => (last = p) });
    // A later batch with the same bytes: the API already holds them, storage is skipped.
    await dataset.uploadSamples([image(PIXEL_URL)]);
    expect(api.requests.filter((r) => r.method === "POST" && r.path === "/beta/file")).toHaveLength(2);
    expect(s3.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    expect(last).toMatchObject({ mediaFiles: 1, mediaBytes: PIXEL.length });
  });

  it("keeps media uploads within the concurrency bound", async () => {
    const { images, inFlight, friendli } = await setup();
    const dataset = await friendli.datasets.open({ projectId: "p", name: "many", modality: ["TEXT", "IMAGE"] });
    const samples = Array.from({ length: 12 }, (_, i) => image(`${images.url}/img-${i}.png`));
    await dataset.uploadSamples(samples, { mediaConcurrency: 3 });
    expect(images.requests).toHaveLength(12);
    expect(inFlight.peak).toBe(3);
  });

  it("rejects a bad sample before anything of its batch is sent", async () => {
    const { api, friendli } = await setup();
    const dataset = await friendli.datasets.open({ projectId: "p", name: "strict", modality: ["TEXT", "IMAGE"] });
    const samples: unknown[] = [text("a"), text("b"), image(PIXEL_URL), { messages: [{ role: "bot", content: "x" }] }];
    const error = await dataset.uploadSamples(samples as Sample[], { batchSize: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SampleUploadError);
    expect(error).toMatchObject({ samplesStored: 2, batchOutcome: "not sent" });
    const cause = (error as Error).cause;
    expect(cause).toBeInstanceOf(SampleValidationError);
    expect((cause as Error).message).toBe(
      'sample 3 (messages[0].role): role "bot" is not one of system, user, assistant, tool',
    );
    // The first batch went; nothing of the second one did, not even its image.
    expect(api.addRequests).toBe(1);
    expect(api.requests.some((r) => r.path === "/beta/file")).toBe(false);
  });

  it("rejects a sample whose modality the dataset does not take", async () => {
    const { api, friendli } = await setup();
    const dataset = await friendli.datasets.open({ projectId: "p", name: "text-only", modality: ["TEXT"] });
    const error = await dataset.uploadSamples([text("ok"), image(PIXEL_URL)]).catch((e: unknown) => e);
    expect((error as Error).cause).toMatchObject({
      name: "SampleValidationError",
      index: 1,
      message: "sample 1: uses IMAGE input but the dataset's input modality is TEXT",
    });
    expect(api.addRequests).toBe(0);
  });

  it("reads JSONL from a file and names the line of a broken one", async () => {
    const { api, friendli } = await setup();
    const dataset = await friendli.datasets.open({ projectId: "p", name: "jsonl", modality: ["TEXT"] });
    const good = new File([`${JSON.stringify(text("a"))}\n\n${JSON.stringify(text("b"))}\n`], "ok.jsonl");
    expect(await dataset.uploadSamples(good, { split: "test" })).toHaveLength(2);

    const broken = new File([`${JSON.stringify(text("a"))}\n\n{"messages": [\n`], "broken.jsonl");
    const error = await dataset.uploadSamples(broken).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "SampleUploadError", samplesStored: 0 });
    const cause = (error as Error).cause;
    expect(cause).toMatchObject({ name: "SampleValidationError", index: 1, line: 3 });
    expect((cause as Error).message).toMatch(/^line 3: not valid JSON/);
    expect(api.addRequests).toBe(1);
  });

  it("takes an async iterable and names the sample whose media failed", async () => {
    const { images, friendli } = await setup();
    const dataset = await friendli.datasets.open({ projectId: "p", name: "gen", modality: ["TEXT", "IMAGE"] });
    async function* generate() {
      yield text("first");
      yield image(`${images.url}/missing.png`);
    }
    const error = await dataset.uploadSamples(generate()).catch((e: unknown) => e);
    expect(error).toMatchObject({ samplesStored: 0, batchOutcome: "not sent", batch: { first: 0, count: 2 } });
    const cause = (error as Error).cause;
    expect(cause).toBeInstanceOf(MediaUploadError);
    expect((cause as Error).message).toMatch(/^sample 1 \(messages\[0\]\.content\[1\]\.image_url\.url\): .*404/);
    // The download went through the client's transport: its typed error is the cause.
    expect((cause as Error).cause).toBeInstanceOf(NotFoundError);
  });

  it("cancels the rest of a batch's media after the first failure", async () => {
    const { images, friendli } = await setup();
    const dataset = await friendli.datasets.open({ projectId: "p", name: "cancel", modality: ["TEXT", "IMAGE"] });
    const samples = [image(`${images.url}/missing.png`), ...[1, 2, 3].map((i) => image(`${images.url}/ok-${i}.png`))];
    const error = await dataset.uploadSamples(samples, { mediaConcurrency: 1 }).catch((e: unknown) => e);
    expect((error as Error).cause).toMatchObject({ name: "MediaUploadError", index: 0 });
    await new Promise((r) => setTimeout(r, 50));
    expect(images.requests.map((r) => r.path)).toEqual(["/missing.png"]);
  });

  it("stops between batches when the caller aborts", async () => {
    const { api, friendli } = await setup();
    const dataset = await friendli.datasets.open({ projectId: "p", name: "abort", modality: ["TEXT"] });
    const controller = new AbortController();
    const samples = Array.from({ length: 10 }, (_, i) => text(`n${i}`));
    const upload = dataset.uploadSamples(samples, {
      batchSize: 2,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.samplesDone === 4) controller.abort();
      },
    });
    const error = await upload.catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "SampleUploadError", samplesStored: 4, batchOutcome: "not sent" });
    expect((error as Error).cause).toBeInstanceOf(APIUserAbortError);
    expect(api.addRequests).toBe(2);
  });

  it("uploads to an existing dataset opened by id, into its existing split", async () => {
    const { api, friendli } = await setup();
    const created = await friendli.datasets.open({
      projectId: "p",
      name: "reuse",
      modality: ["TEXT"],
      defaultSplit: "all",
    });
    const dataset = await friendli.datasets.openById(created.id, { projectId: "p" });
    expect(dataset.modality.input_modals).toEqual(["TEXT"]);
    const ids = await dataset.uploadSamples([text("again")], { split: "all" });
    expect(ids[0]).toMatch(new RegExp(`^${created.id}:v0:${(await created.split("all")).id}:`));
    expect(api.requests.filter((r) => r.method === "POST" && r.path.includes("/split?"))).toHaveLength(1);
  });
});
