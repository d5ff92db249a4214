import { ResponseTooLargeError } from "@friendli-ts/client";
import { serveFaults, socketClosed, stopAfterEach, writeForever } from "@friendli-ts/test-kit";
import { startS3 } from "@friendli-ts/test-kit/local-s3";
import { describe, expect, it } from "vitest";
import { createFriendliDatasets, MediaUploadError, type Sample, SampleValidationError } from "../../src/index.ts";
import { startFakeApi } from "../support/start-fake-api.ts";

const serve = serveFaults();
const running = stopAfterEach();

const MiB = 1024 * 1024;
const heapUsed = () => process.memoryUsage().heapUsed;

async function openDataset() {
  const s3 = await startS3();
  running.push(s3);
  const api = await startFakeApi({ storageUrl: s3.url, keepSamples: true });
  running.push(api);
  const friendli = createFriendliDatasets({ baseURL: api.url, token: "test-token", maxRetries: 0 });
  return friendli.datasets.open({ projectId: "p", name: "caps", modality: ["TEXT", "IMAGE"] });
}

const image = (url: string): Sample => ({
  messages: [
    { role: "user", content: [{ type: "image_url", image_url: { url } }] },
    { role: "assistant", content: "a picture" },
  ],
});

describe("what the datasets API reads from a server is capped", () => {
  it("a media file past maxMediaBytes fails the upload with ResponseTooLargeError, and the download is cancelled", async () => {
    const closed: Promise<void>[] = [];
    const images = await serve(async (req, res) => {
      closed.push(socketClosed(req));
      res.writeHead(200, { "content-type": "image/png" });
      await writeForever(res, new Uint8Array(64 * 1024));
    });
    const dataset = await openDataset();
    const before = heapUsed();
    const error = await dataset
      .uploadSamples([image(`${images.url}/huge.png`)], { maxMediaBytes: 4 * MiB })
      .catch((e: unknown) => e);
    const cause = (error as Error).cause;
    expect(cause).toBeInstanceOf(MediaUploadError);
    expect((cause as Error).cause).toBeInstanceOf(ResponseTooLargeError);
    expect((cause as { cause: ResponseTooLargeError }).cause.limit).toBe(4 * MiB);
    await Promise.all(closed);
    expect(heapUsed() - before).toBeLessThan(64 * MiB);
  });

  it("a JSONL line that never ends, from a server's body, is a SampleValidationError and the body is cancelled", async () => {
    let closed: Promise<void> | undefined;
    const host = await serve(async (req, res) => {
      closed = socketClosed(req);
      res.writeHead(200, { "content-type": "application/jsonl" });
      res.write(
        `${JSON.stringify({
          messages: [
            { role: "user", content: "hi" },
            { role: "assistant", content: "hello" },
          ],
        })}\n`,
      );
      await writeForever(res, "x".repeat(64 * 1024));
    });
    const dataset = await openDataset();
    const body = (await fetch(host.url)).body as ReadableStream<Uint8Array>;
    const before = heapUsed();
    const error = await dataset.uploadSamples(body, { maxLineBytes: 4 * MiB }).catch((e: unknown) => e);
    const cause = (error as Error).cause;
    expect(cause).toBeInstanceOf(SampleValidationError);
    expect(cause).toMatchObject({ line: 2, index: 1 });
    expect((cause as Error).message).toContain("longer than 4194304 bytes");
    await closed;
    expect(heapUsed() - before).toBeLessThan(64 * MiB);
  });

  it("a maxLineBytes of 0 is refused before anything is read", async () => {
    const dataset = await openDataset();
    await expect(dataset.uploadSamples([], { maxLineBytes: 0 })).rejects.toThrow(/maxLineBytes must be at least 1/);
  });
});
