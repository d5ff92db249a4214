import { inspect } from "node:util";
import { recordSentRequests, serveFaults } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import {
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  StreamEventError,
  StreamParseError,
} from "../../src/index.ts";
import { chatBody, faultClient, json } from "../support/fault-client.ts";

const serve = serveFaults();
const never = () => new Promise<void>(() => {});

describe("timeouts and aborts", () => {
  it("slow headers: each attempt times out, then APITimeoutError", async () => {
    const server = await serve(never);
    const started = Date.now();
    // Attempts are counted as they leave: an attempt may time out before the server reads it.
    const { fetch, sent } = recordSentRequests();
    const error = await faultClient(server.url, { timeout: 100, maxRetries: 1, fetch })
      .GET("/serverless/v1/models")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as Error).message).toBe("GET /serverless/v1/models timed out after 100 ms");
    expect(sent).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("a body that stalls after the headers also times out (JSON calls)", async () => {
    const server = await serve(async (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"data": [');
      await never();
    });
    await expect(
      faultClient(server.url, { timeout: 100, maxRetries: 0 }).GET("/serverless/v1/models"),
    ).rejects.toBeInstanceOf(APITimeoutError);
  });

  it("a per-call timeout overrides the client's, and so does withOptions", async () => {
    const server = await serve(never);
    const client = faultClient(server.url, { timeout: 60_000, maxRetries: 0 });
    await expect(client.GET("/serverless/v1/models", { timeout: 50 })).rejects.toBeInstanceOf(APITimeoutError);
    await expect(client.withOptions({ timeout: 50 }).GET("/serverless/v1/models")).rejects.toBeInstanceOf(
      APITimeoutError,
    );
  });

  it("the caller's signal aborts a pending call, without retrying", async () => {
    const controller = new AbortController();
    // Aborted once the server holds the request, not on a timer that could beat it there.
    const server = await serve(() => {
      controller.abort();
      return never();
    });
    await expect(
      faultClient(server.url).GET("/serverless/v1/models", { signal: controller.signal }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(1);
  });

  it("an abort during the backoff wait stops the retries", async () => {
    const controller = new AbortController();
    const server = await serve((_req, res) => {
      res.writeHead(503, { "retry-after": "30" }).end();
      // The client now waits out Retry-After (30 s, far longer than any busy machine takes to
      // get there): abort during that wait.
      setTimeout(() => controller.abort(), 20);
    });
    await expect(
      faultClient(server.url, { maxDelayMs: 60_000 }).GET("/serverless/v1/models", { signal: controller.signal }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("the token stays secret", () => {
  it("an error that echoes the token does not carry it", async () => {
    const server = await serve((req, res) => {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(json({ message: `bad credentials: ${req.headers.authorization}` }));
    });
    const error = (await faultClient(server.url)
      .GET("/dedicated/beta/endpoint/{endpoint_id}", { params: { path: { endpoint_id: "e" } } })
      .catch((e: unknown) => e)) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(server.requests[0]?.headers.authorization).toBe("Bearer secret-token-123");
    const everything = `${error.message} ${JSON.stringify(error.body)} ${String(error.stack)}`;
    expect(everything).not.toContain("secret-token-123");
    expect(everything).toContain("[redacted]");
  });

  it("the token and team go to the configured API only, never to another host", async () => {
    const api = await serve((_req, res) => void res.writeHead(200, { "content-type": "application/json" }).end("{}"));
    const other = await serve((_req, res) => void res.writeHead(200).end("ok"));
    const client = faultClient(api.url, { teamId: "team-7" });
    await client.GET("/dedicated/beta/endpoint/{endpoint_id}", { params: { path: { endpoint_id: "e" } } });
    await client.fetch(new Request(`${other.url}/upload`, { method: "POST", body: "x" }));
    await client.fetch(`${other.url}/upload`, { method: "POST", body: "x", headers: { "x-friendli-team": "t" } });
    expect(api.requests[0]?.headers).toMatchObject({
      authorization: "Bearer secret-token-123",
      "x-friendli-team": "team-7",
    });
    for (const request of other.requests) {
      expect(request.headers.authorization).toBeUndefined();
      expect(request.headers["x-friendli-team"]).toBeUndefined();
    }
    expect(other.requests).toHaveLength(2);
  });

  it("a call's own team header wins over the client's", async () => {
    const api = await serve((_req, res) => void res.writeHead(200, { "content-type": "application/json" }).end("{}"));
    await faultClient(api.url, { teamId: "team-7" }).GET("/dedicated/beta/endpoint/{endpoint_id}", {
      params: { path: { endpoint_id: "e" }, header: { "X-Friendli-Team": "team-9" } },
    });
    expect(api.requests[0]?.headers["x-friendli-team"]).toBe("team-9");
  });

  it("every copy of the token is removed, in the body, the message and echoed headers", async () => {
    const server = await serve((req, res) => {
      const auth = String(req.headers.authorization);
      res.writeHead(401, { "content-type": "application/json", "x-echo": auth });
      res.end(json({ message: `got ${auth}`, detail: [auth, { again: auth }] }));
    });
    const error = await faultClient(server.url)
      .GET("/dedicated/beta/endpoint/{endpoint_id}", { params: { path: { endpoint_id: "e" } } })
      .catch((e: unknown) => e);
    const everything = `${String(error)} ${(error as Error).stack} ${JSON.stringify(error)} ${inspect(error, { depth: 5 })}`;
    expect(everything).not.toContain("secret-token-123");
    expect(JSON.stringify((error as AuthenticationError).body).split("[redacted]")).toHaveLength(4);
  });

  it("a stream error event or unparsable event that echoes the token does not carry it", async () => {
    for (const body of [
      'event: error\ndata: {"message": "bad token secret-token-123 (secret-token-123)"}\n\n',
      "data: {not json secret-token-123\n\n",
    ]) {
      const server = await serve(
        (_req, res) => void res.writeHead(200, { "content-type": "text/event-stream" }).end(body),
      );
      const stream = await faultClient(server.url).stream("/serverless/v1/chat/completions#stream", { body: chatBody });
      const error = await (async () => {
        for await (const _ of stream);
      })().catch((e: unknown) => e);
      expect(error instanceof StreamEventError || error instanceof StreamParseError).toBe(true);
      const everything = `${String(error)} ${(error as Error).stack} ${JSON.stringify(error)} ${inspect(error, { depth: 5 })}`;
      expect(everything).not.toContain("secret-token-123");
    }
  });
});
