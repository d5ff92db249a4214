import { serveFaults } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { APITimeoutError, InternalServerError, InvalidInputError } from "../../src/index.ts";
import { chatBody, faultClient, json } from "../support/fault-client.ts";

const serve = serveFaults();
const ok =
  (body: unknown = {}) =>
  (_req: unknown, res: import("node:http").ServerResponse) =>
    void res.writeHead(200, { "content-type": "application/json", "x-request-id": "req-1" }).end(json(body));
const endpoint = { params: { path: { endpoint_id: "ep-1" } } };

describe("per-call options are part of the call", () => {
  it("headers, team, timeout and retries of one call reach the wire, and the client is unchanged", async () => {
    const server = await serve((_req, res, { attempt }) => {
      if (attempt === 1) return void res.writeHead(503).end();
      ok()(_req, res);
    });
    const client = faultClient(server.url, { teamId: "team-a", maxRetries: 0 });
    await client.GET("/dedicated/beta/endpoint/{endpoint_id}", {
      ...endpoint,
      headers: { "X-Trace": "t-1" },
      teamId: "team-b",
      maxRetries: 1,
    });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.headers).toMatchObject({ "x-trace": "t-1", "x-friendli-team": "team-b" });
    // The next call is the client's own again: no retries, its own team.
    await expect(client.GET("/dedicated/beta/endpoint/{endpoint_id}", endpoint)).resolves.toBeTruthy();
    expect(server.requests[2]?.headers["x-friendli-team"]).toBe("team-a");
    expect(server.requests[2]?.headers["x-trace"]).toBeUndefined();
  });

  it("a call's timeout is shorter than the client's", async () => {
    const server = await serve(() => new Promise(() => {}));
    const client = faultClient(server.url, { timeout: 60_000, maxRetries: 0 });
    const started = Date.now();
    await expect(client.GET("/serverless/v1/models", { timeout: 80 })).rejects.toBeInstanceOf(APITimeoutError);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("maxRetries: 0 on the call means one request", async () => {
    const server = await serve((_req, res) => void res.writeHead(500).end());
    const client = faultClient(server.url, { maxRetries: 3 });
    await expect(client.GET("/serverless/v1/models", { maxRetries: 0 })).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });

  it("onResponse gets the answer of a JSON call and of a stream", async () => {
    const server = await serve((req, res) => {
      if (req.headers.accept === "text/event-stream") {
        res.writeHead(200, { "content-type": "text/event-stream", "x-request-id": "req-s" });
        return void res.end("data: [DONE]\n\n");
      }
      ok()(req, res);
    });
    const seen: (string | null)[] = [];
    const client = faultClient(server.url);
    await client.GET("/serverless/v1/models", { onResponse: (r) => seen.push(r.headers.get("x-request-id")) });
    const stream = await client.stream("/serverless/v1/chat/completions#stream", {
      body: chatBody,
      onResponse: (r) => seen.push(r.headers.get("x-request-id")),
    });
    for await (const _ of stream) {
    }
    expect(seen).toEqual(["req-1", "req-s"]);
  });

  it("bad call options are InvalidInputErrors before any request", async () => {
    const server = await serve(ok());
    const client = faultClient(server.url);
    for (const options of [
      { timeout: -1 },
      { timeout: 2 ** 31 },
      { maxRetries: 1.5 },
      { teamId: " " },
      { headers: { "x-a": "b\r\nc" } },
    ]) {
      await expect(client.GET("/serverless/v1/models", options)).rejects.toBeInstanceOf(InvalidInputError);
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe("path parameters are checked in one place", () => {
  it.each([
    ["", /endpoint_id.*empty/],
    [".", /endpoint_id/],
    ["..", /endpoint_id/],
    ["a/b", /endpoint_id/],
    ["a?b", /endpoint_id/],
    ["a#b", /endpoint_id/],
    ["a\nb", /endpoint_id/],
    [undefined, /endpoint_id.*nothing/],
    [42, /endpoint_id.*number/],
  ])("%j is refused before the network", async (value, message) => {
    const server = await serve(ok());
    const call = faultClient(server.url).PUT("/dedicated/beta/endpoint/{endpoint_id}/terminate", {
      params: { path: { endpoint_id: value as string } },
    });
    await expect(call).rejects.toBeInstanceOf(InvalidInputError);
    await expect(call).rejects.toThrow(message);
    expect(server.requests).toHaveLength(0);
  });

  it("a good id is encoded into its segment", async () => {
    const server = await serve(ok());
    await faultClient(server.url).GET("/beta/dataset/{dataset_id}/split/{split_id}", {
      params: { path: { dataset_id: "d 1", split_id: "s%2F" } },
    });
    expect(server.requests[0]?.path).toBe("/beta/dataset/d%201/split/s%252F");
  });
});

describe("headers a server operator can read", () => {
  it("JSON calls accept JSON, streams accept events, and every call names the SDK", async () => {
    const server = await serve((req, res) => {
      if (req.headers.accept === "text/event-stream") {
        res.writeHead(200, { "content-type": "text/event-stream" });
        return void res.end("data: [DONE]\n\n");
      }
      ok()(req, res);
    });
    const client = faultClient(server.url);
    await client.GET("/serverless/v1/models");
    for await (const _ of await client.stream("/serverless/v1/chat/completions#stream", { body: chatBody })) {
    }
    expect(server.requests[0]?.headers.accept).toBe("application/json");
    expect(server.requests[1]?.headers.accept).toBe("text/event-stream");
    for (const request of server.requests) expect(request.headers["user-agent"]).toMatch(/^friendli-ts\/\d+\.\d+\.\d+/);
  });

  it("the token may be a function, called for each request", async () => {
    const server = await serve(ok());
    let n = 0;
    const client = faultClient(server.url, { token: async () => `short-lived-${++n}` });
    await client.GET("/dedicated/beta/endpoint/{endpoint_id}", endpoint);
    await client.GET("/dedicated/beta/endpoint/{endpoint_id}", endpoint);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      "Bearer short-lived-1",
      "Bearer short-lived-2",
    ]);
  });

  it("token and team go only where the spec asks: not to container routes nor the model list", async () => {
    const server = await serve(ok());
    const client = faultClient(server.url, { teamId: "team-1" });
    await client.GET("/serverless/v1/models");
    await client.POST("/v1/tokenize", { body: { prompt: "hi" } });
    await client.POST("/serverless/v1/tokenize", { body: { model: "m", prompt: "hi" } });
    const [models, container, serverless] = server.requests;
    for (const request of [models, container]) {
      expect(request?.headers.authorization).toBeUndefined();
      expect(request?.headers["x-friendli-team"]).toBeUndefined();
    }
    expect(serverless?.headers).toMatchObject({
      authorization: "Bearer secret-token-123",
      "x-friendli-team": "team-1",
    });
  });

  it("middleware sees each attempt and may change the request", async () => {
    const server = await serve((req, res, { attempt }) => {
      if (attempt === 1) return void res.writeHead(502).end();
      ok()(req, res);
    });
    const seen: string[] = [];
    const client = faultClient(server.url, {
      middleware: [
        {
          onRequest({ request, schemaPath, operationId, attempt }) {
            seen.push(`${request.method} ${schemaPath} ${operationId} #${attempt}`);
            const headers = new Headers(request.headers);
            headers.set("traceparent", `00-${attempt}`);
            return new Request(request, { headers });
          },
          onResponse({ response }) {
            seen.push(`<- ${response.status}`);
          },
        },
      ],
    });
    await client.GET("/dedicated/beta/endpoint/{endpoint_id}", endpoint);
    expect(seen).toEqual([
      "GET /dedicated/beta/endpoint/{endpoint_id} dedicatedGetEndpoint #0",
      "<- 502",
      "GET /dedicated/beta/endpoint/{endpoint_id} dedicatedGetEndpoint #1",
      "<- 200",
    ]);
    expect(server.requests.map((r) => r.headers.traceparent)).toEqual(["00-0", "00-1"]);
  });
});
