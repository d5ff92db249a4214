import { type FaultServer, startFaultServer } from "@friendli-ts/test-kit";
import { afterEach, describe, expect, it } from "vitest";
import { APIConnectionError, ConflictError, InternalServerError, RateLimitError } from "../../src/index.ts";
import { chatBody, faultClient, json } from "../support/fault-client.ts";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const models = { data: [] };

describe("retries against a misbehaving server", () => {
  it("429 with Retry-After in seconds waits (capped) and then succeeds", async () => {
    server = await startFaultServer((_req, res, { attempt }) => {
      if (attempt === 1) {
        res.writeHead(429, { "retry-after": "30", "content-type": "application/json" });
        return void res.end(json({ message: "slow down" }));
      }
      res.writeHead(200, { "content-type": "application/json" }).end(json(models));
    });
    const started = Date.now();
    const { data } = await faultClient(server.url).GET("/serverless/v1/models");
    expect(data).toEqual(models);
    expect(server.requests).toHaveLength(2);
    // Retry-After asked for 30 s; maxDelayMs (50) caps the wait.
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("Retry-After as an HTTP date is honoured", async () => {
    server = await startFaultServer((_req, res, { attempt }) => {
      if (attempt === 1) {
        res.writeHead(503, { "retry-after": new Date(Date.now() + 20).toUTCString() });
        return void res.end();
      }
      res.writeHead(200, { "content-type": "application/json" }).end(json(models));
    });
    await faultClient(server.url).GET("/serverless/v1/models");
    expect(server.requests).toHaveLength(2);
  });

  it("Retry-After is waited out, not only capped: the retry comes no sooner than asked", async () => {
    server = await startFaultServer((_req, res, { attempt }) => {
      if (attempt === 1) return void res.writeHead(503, { "retry-after": "0.4" }).end();
      if (attempt === 2)
        return void res.writeHead(429, { "retry-after": new Date(Date.now() + 2_000).toUTCString() }).end();
      res.writeHead(200, { "content-type": "application/json" }).end(json(models));
    });
    // Without Retry-After the backoff here would be a few ms (initialDelayMs 5).
    await faultClient(server.url, { maxDelayMs: 5_000 }).GET("/serverless/v1/models");
    const at = server.requests.map((r) => r.receivedAt);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(380);
    // An HTTP date has whole seconds: 2 s ahead is at least 1 s away.
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(900);
  });

  it("5xx twice, then success", async () => {
    server = await startFaultServer((_req, res, { attempt }) => {
      if (attempt < 3) return void res.writeHead(502).end("bad gateway");
      res.writeHead(200, { "content-type": "application/json" }).end(json(models));
    });
    await expect(faultClient(server.url).GET("/serverless/v1/models")).resolves.toHaveProperty("data", models);
    expect(server.requests).toHaveLength(3);
  });

  it("retries exhausted: the last error is thrown, with status and request id", async () => {
    server = await startFaultServer((_req, res) => {
      res.writeHead(500, { "content-type": "application/json", "x-request-id": "req-42" });
      res.end(json({ error: { message: "boom" } }));
    });
    const error = await faultClient(server.url, { maxRetries: 3 })
      .GET("/serverless/v1/models")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, requestId: "req-42" });
    expect((error as Error).message).toBe("GET /serverless/v1/models answered 500: boom");
    expect(server.requests).toHaveLength(4);
  });

  it("a 429 that never clears surfaces as RateLimitError", async () => {
    server = await startFaultServer((_req, res) => void res.writeHead(429, { "retry-after": "0" }).end());
    await expect(faultClient(server.url, { maxRetries: 1 }).GET("/serverless/v1/models")).rejects.toBeInstanceOf(
      RateLimitError,
    );
    expect(server.requests).toHaveLength(2);
  });

  it("inference POSTs are retried on 5xx (they change no state)", async () => {
    server = await startFaultServer((_req, res, { attempt }) => {
      if (attempt === 1) return void res.writeHead(500).end();
      res.writeHead(200, { "content-type": "application/json" }).end(json({ id: "x", choices: [] }));
    });
    await faultClient(server.url).POST("/serverless/v1/chat/completions", { body: chatBody });
    expect(server.requests).toHaveLength(2);
    expect(JSON.parse(server.requests[1]?.body ?? "")).toEqual(chatBody);
  });

  it("a state-changing POST is not retried after a 5xx unless asked", async () => {
    server = await startFaultServer((_req, res) => void res.writeHead(503).end());
    const body = {
      name: "d",
      projectId: "p",
      modality: { input_modals: ["TEXT" as const], output_modals: ["TEXT" as const] },
    };
    await expect(faultClient(server.url).POST("/beta/dataset", { body })).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);

    await expect(
      faultClient(server.url, { retryNonIdempotent: true, maxRetries: 2 }).POST("/beta/dataset", { body }),
    ).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(4);
  });

  it("409 on a state-changing POST is a ConflictError, not retried", async () => {
    server = await startFaultServer((_req, res) => void res.writeHead(409).end(json({ detail: "exists" })));
    const error = await faultClient(server.url)
      .POST("/beta/file", { body: { name: "a", size: 1, digest: "sha256:00", projectId: "p" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toContain("exists");
    expect(server.requests).toHaveLength(1);
  });

  it("a connection reset before headers is retried for idempotent calls", async () => {
    server = await startFaultServer((_req, res, { attempt }) => {
      if (attempt === 1) return void res.socket?.destroy();
      res.writeHead(200, { "content-type": "application/json" }).end(json(models));
    });
    await expect(faultClient(server.url).GET("/serverless/v1/models")).resolves.toHaveProperty("data");
    expect(server.requests).toHaveLength(2);
  });

  it("a reset on a state-changing POST is an APIConnectionError after one try", async () => {
    server = await startFaultServer((_req, res) => void res.socket?.destroy());
    const error = await faultClient(server.url)
      .PUT("/dedicated/beta/endpoint/{endpoint_id}/sleep", { params: { path: { endpoint_id: "e" } } })
      .catch((e: unknown) => e);
    // PUT is idempotent: retried, then the connection error surfaces.
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(server.requests).toHaveLength(3);

    server.requests.length = 0;
    const created = await faultClient(server.url)
      .POST("/dedicated/beta/endpoint", { body: {} as never })
      .catch((e: unknown) => e);
    expect(created).toBeInstanceOf(APIConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  it("a TCP reset (ECONNRESET) after the request arrived counts as sent: a creating POST is not repeated", async () => {
    server = await startFaultServer((_req, res) => void res.socket?.resetAndDestroy());
    const error = await faultClient(server.url)
      .POST("/dedicated/beta/endpoint", { body: {} as never })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  it("a refused connection (nothing listening) is retried even for a state-changing POST", async () => {
    const closed = await startFaultServer(() => {});
    const url = closed.url;
    await closed.stop();
    const logs: string[] = [];
    const logger = { debug() {}, info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), error() {} };
    const error = await faultClient(url, { logger, logLevel: "info" })
      .POST("/beta/file", { body: { name: "a", size: 1, digest: "sha256:00", projectId: "p" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toContain("ECONNREFUSED");
    // One clean line per retry: the call, what happened, which retry, the wait.
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatch(/^friendli: POST \/beta\/file could not connect; retry 1 of 2 in \d+ ms$/);
    expect(logs.join("\n")).not.toContain("secret-token-123");
  });
});
