import { createGzip } from "node:zlib";
import { serveFaults, socketClosed, writeForever } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { APIError, ResponseTooLargeError } from "../../src/index.ts";
import { chatBody, faultClient } from "../support/fault-client.ts";

const serve = serveFaults();
const MiB = 1024 * 1024;
const piece = "a".repeat(64 * 1024);

/** A server whose every answer is `status` with a body that never ends; `closed` holds one promise per request. */
async function endless(status: number, headers: Record<string, string>, gzip = false) {
  const closed: Promise<void>[] = [];
  const server = await serve(async (req, res) => {
    closed.push(socketClosed(req));
    res.writeHead(status, gzip ? { ...headers, "content-encoding": "gzip" } : headers);
    if (!gzip) return writeForever(res, piece);
    const zip = createGzip();
    zip.pipe(res);
    res.once("close", () => zip.destroy());
    await writeForever(zip, piece);
  });
  return { server, closed };
}

const heapUsed = () => process.memoryUsage().heapUsed;

describe("every body a server sends is read to a cap", () => {
  it("an SSE line that never ends fails with ResponseTooLargeError at the default cap, and the connection closes", async () => {
    const { server, closed } = await endless(200, { "content-type": "text/event-stream" });
    const before = heapUsed();
    const stream = await faultClient(server.url).stream("/serverless/v1/chat/completions#stream", { body: chatBody });
    const error = await (async () => {
      for await (const _ of stream);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).limit).toBe(8 * MiB);
    expect((error as ResponseTooLargeError).reading).toBe("one event of the stream");
    await closed[0];
    // 8 Mi characters held as fragments: far below the 20x the old buffer cost.
    expect(heapUsed() - before).toBeLessThan(120 * MiB);
  });

  it("the same line gzip-encoded (a few kB on the wire) meets the same cap", async () => {
    const { server, closed } = await endless(200, { "content-type": "text/event-stream" }, true);
    const client = faultClient(server.url, { maxEventBytes: 2 * MiB });
    const stream = await client.stream("/serverless/v1/chat/completions#stream", { body: chatBody });
    const error = await (async () => {
      for await (const _ of stream);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).limit).toBe(2 * MiB);
    await closed[0];
  });

  it("an error body that never ends is read to 64 KiB on each attempt, then the connection closes", async () => {
    const { server, closed } = await endless(500, { "content-type": "text/plain" });
    const before = heapUsed();
    const error = await faultClient(server.url)
      .GET("/dedicated/beta/endpoint/{endpoint_id}", { params: { path: { endpoint_id: "e" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(500);
    expect((error as APIError).body).toBe(piece);
    expect(server.requests).toHaveLength(3);
    await Promise.all(closed);
    expect(heapUsed() - before).toBeLessThan(64 * MiB);
  });

  it("a 100 MB 400 body keeps only maxErrorBodyBytes on error.body", async () => {
    const { server, closed } = await endless(400, {
      "content-type": "application/json",
      "content-length": String(100 * MiB),
    });
    const client = faultClient(server.url, { maxErrorBodyBytes: 1000 });
    const error = await client
      .GET("/dedicated/beta/endpoint/{endpoint_id}", { params: { path: { endpoint_id: "e" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(400);
    expect((error as APIError).body).toBe("a".repeat(1000));
    await closed[0];
  });

  it("a JSON answer past maxResponseBytes is a ResponseTooLargeError, not retried, and the body is cancelled", async () => {
    const { server, closed } = await endless(200, { "content-type": "application/json" });
    const client = faultClient(server.url, { maxResponseBytes: MiB });
    const error = await client
      .GET("/dedicated/beta/endpoint/{endpoint_id}", { params: { path: { endpoint_id: "e" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).limit).toBe(MiB);
    expect((error as ResponseTooLargeError).reading).toBe("the answer to GET /dedicated/beta/endpoint/e");
    expect(server.requests).toHaveLength(1);
    await closed[0];
  });

  it("a declared Content-Length past the cap fails before the body is read", async () => {
    const { server, closed } = await endless(200, {
      "content-type": "application/json",
      "content-length": String(2 * MiB),
    });
    const client = faultClient(server.url, { maxResponseBytes: MiB });
    const error = await client
      .GET("/dedicated/beta/endpoint/{endpoint_id}", { params: { path: { endpoint_id: "e" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    await closed[0];
  });

  it("an event just under the cap, sent 64 kB at a time, arrives whole", async () => {
    const content = "b".repeat(MiB);
    const event = `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", created: 1, choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;
    const server = await serve(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      for (let at = 0; at < event.length; at += piece.length) res.write(event.slice(at, at + piece.length));
      res.end("data: [DONE]\n\n");
    });
    const client = faultClient(server.url, { maxEventBytes: MiB + 1000 });
    const stream = await client.stream("/serverless/v1/chat/completions#stream", { body: chatBody });
    let text = "";
    for await (const { data } of stream) text += data.choices[0]?.delta.content ?? "";
    expect(text).toBe(content);
  });

  it("a cap of 0 is refused before any request", () => {
    expect(() => faultClient("http://127.0.0.1:1", { maxEventBytes: 0 })).toThrow(/maxEventBytes must be at least 1/);
  });
});
