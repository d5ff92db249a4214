import { type FaultServer, startFaultServer, stopAfterEach } from "@friendli-ts/test-kit";
import { startS3 } from "@friendli-ts/test-kit/local-s3";
import { describe, expect, it } from "vitest";
import { createFriendliDatasets, type Sample, SampleUploadError, SampleValidationError } from "../../src/index.ts";
import { PIXEL, PIXEL_URL, sha256 } from "../support/pixel.ts";
import { type FakeApi, startFakeApi } from "../support/start-fake-api.ts";

// What reaches the API is what the user wrote: every field, every digit. Checked on the wire,
// against a local fake of the API and a real S3-compatible storage server.

const running = stopAfterEach();

async function setup(): Promise<{
  api: FakeApi;
  images: FaultServer;
  friendli: ReturnType<typeof createFriendliDatasets>;
}> {
  const s3 = await startS3();
  running.push(s3);
  const api = await startFakeApi({ storageUrl: s3.url, keepSamples: true });
  running.push(api);
  const images = await startFaultServer((req, res) => {
    res.writeHead(200, { "content-type": "image/png" });
    res.end(Buffer.from([...PIXEL, ...Buffer.from(req.url ?? "")]));
  });
  running.push(images);
  const friendli = createFriendliDatasets({ baseURL: api.url, token: "test-token", maxRetries: 0 });
  return { api, images, friendli };
}

// Written by hand: 20-digit integers (beyond what a JavaScript number holds exactly), fields the
// message schemas do not name, spacing and a number form (1.0e2) JSON.stringify writes otherwise.
const LINE_1 =
  '{"id": "s-1", "messages": [{"role": "user", "content": "count"}, {"role": "assistant", "content": "big"}], "n": 12345678901234567890, "tools": [{"type": "function", "function": {"name": "f"}}]}';
const LINE_2 =
  '{"messages":[{"role":"user","content":"x","name":"bob"},{"role":"assistant","content":"y","seed":12345678901234567890}],"score":1.0e2}';

describe("samples without media to store", () => {
  it("sends each JSONL line exactly as written, trimmed of its line ending", async () => {
    const { api, friendli } = await setup();
    const dataset = await friendli.datasets.open({ projectId: "p", name: "exact", modality: ["TEXT"] });
    await dataset.uploadSamples(new Blob([`${LINE_1}\r\n\n  ${LINE_2}  \n`]));
    expect(api.samples).toEqual([LINE_1, LINE_2]);
  });

  it("sends string samples as written and objects as JSON.stringify writes them, every field kept", async () => {
    const { api, friendli } = await setup();
    const dataset = await friendli.datasets.open({ projectId: "p", name: "exact", modality: ["TEXT"] });
    const object = {
      id: "s-3",
      messages: [
        { role: "user", content: "hi", name: "ann" },
        { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "f" } }] },
        { role: "tool", content: "42", tool_call_id: "c1" },
      ],
      tools: [{ type: "function", function: { name: "f", parameters: {} } }],
    } as unknown as Sample;
    await dataset.uploadSamples([LINE_1, object]);
    expect(api.samples).toEqual([LINE_1, JSON.stringify(object)]);
  });

  it("refuses an object JSON cannot carry exactly (a BigInt, a cycle), naming the sample and the path", async () => {
    const { api, friendli } = await setup();
    const dataset = await friendli.datasets.open({ projectId: "p", name: "exact", modality: ["TEXT"] });
    const text = { messages: [{ role: "user", content: "hi" }] };
    const big = { ...text, meta: { n: 12345678901234567890n } };
    const cyclic: Record<string, unknown> = { ...text, meta: {} };
    (cyclic.meta as Record<string, unknown>).self = cyclic;

    for (const [bad, path, reason] of [
      [big, "meta.n", /BigInt/],
      [cyclic, "meta.self", /cycle/],
    ] as const) {
      const error = await dataset.uploadSamples([text, bad] as unknown as Sample[]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SampleUploadError);
      const cause = (error as SampleUploadError).cause;
      expect(cause).toBeInstanceOf(SampleValidationError);
      expect(cause).toMatchObject({ index: 1, path });
      expect((cause as SampleValidationError).reason).toMatch(reason);
      expect(error).toMatchObject({ samplesStored: 0, ids: [], batchOutcome: "not sent" });
    }
    // A bad sample stops its batch whole.
    expect(api.addRequests).toBe(0);
  });
});

describe("samples with media to store", () => {
  it("replaces only the URL strings inside the text as written", async () => {
    const { api, images, friendli } = await setup();
    const dataset = await friendli.datasets.open({ projectId: "p", name: "media", modality: ["TEXT", "IMAGE"] });
    // The http URL is written with escaped slashes, as some JSON writers do, in the docs' shorthand part.
    const httpUrl = `${images.url}/cat.png`.replaceAll("/", "\\/");
    const line =
      `{"id": "m-1", "messages": [{"content": [{"type": "text", "text": "two pictures"}, ` +
      `{"type": "image_url", "image_url": {"url": "${PIXEL_URL}", "detail": "low"}}, ` +
      `{"type": "image", "image": "${httpUrl}"}], "role": "user"}, ` +
      `{"role": "assistant", "content": "cats"}], "n": 12345678901234567890}`;
    await dataset.uploadSamples(new Blob([`${line}\n`]));

    const dataUri = `s3://uploads/files/${sha256(PIXEL)}`;
    const httpUri = `s3://uploads/files/${sha256(new Uint8Array([...PIXEL, ...Buffer.from("/cat.png")]))}`;
    expect(api.samples).toEqual([line.replace(PIXEL_URL, dataUri).replace(httpUrl, httpUri)]);
  });

  it("keeps the fields of an object sample whose media is stored", async () => {
    const { api, friendli } = await setup();
    const dataset = await friendli.datasets.open({ projectId: "p", name: "media", modality: ["TEXT", "IMAGE"] });
    const sample = {
      id: "m-2",
      messages: [
        { role: "user", content: [{ type: "image_url", image_url: { url: PIXEL_URL } }], name: "ann" },
        { role: "assistant", content: "a cat" },
      ],
    } as unknown as Sample;
    await dataset.uploadSamples([sample]);
    expect(api.samples).toEqual([JSON.stringify(sample).replace(PIXEL_URL, `s3://uploads/files/${sha256(PIXEL)}`)]);
  });

  it("refuses a media URL whose key is written twice, rather than guess which one the API reads", async () => {
    const { api, friendli } = await setup();
    const dataset = await friendli.datasets.open({ projectId: "p", name: "media", modality: ["TEXT", "IMAGE"] });
    const line = `{"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "${PIXEL_URL}", "url": "${PIXEL_URL}"}}]}]}`;
    const error = await dataset.uploadSamples(new Blob([line])).catch((e: unknown) => e);
    expect((error as Error).cause).toMatchObject({
      name: "SampleValidationError",
      line: 1,
      path: "messages[0].content[0].image_url.url",
    });
    expect(api.addRequests).toBe(0);
    expect(api.requests.some((r) => r.path === "/beta/file")).toBe(false);
  });
});
