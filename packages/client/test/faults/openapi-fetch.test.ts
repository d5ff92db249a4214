import { getEventListeners } from "node:events";
import { everythingAnErrorShows, recordSentRequests, serveFaults, writeChunks } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  friendliErrorOf,
  InvalidInputError,
  InvalidResponseError,
  type MiddlewareContext,
  NotFoundError,
  RateLimitError,
  StreamInterruptedError,
} from "../../src/index.ts";
import { chatBody, chunk, json } from "../support/fault-client.ts";
import { fetchFaultClient, TOKEN } from "../support/fetch-fault-client.ts";

const serve = serveFaults();
const never = () => new Promise<void>(() => {});
const status = { params: { path: { endpoint_id: "ep-1" } } };
const statusBody = { id: "ep-1", status: "RUNNING" };

describe("createFriendliFetchClient against a misbehaving server", () => {
  it("retries a 429 after its Retry-After, then answers openapi-fetch's { data }", async () => {
    const server = await serve((_req, res, { attempt }) => {
      if (attempt === 1) {
        res.writeHead(429, { "retry-after": "0.2", "content-type": "application/json" });
        return void res.end(json({ message: "slow down" }));
      }
      res.writeHead(200, { "content-type": "application/json" }).end(json(statusBody));
    });
    const { data, error, response } = await fetchFaultClient(server.url, { maxDelayMs: 5_000 }).GET(
      "/dedicated/beta/endpoint/{endpoint_id}/status",
      status,
    );
    expect(error).toBeUndefined();
    expect(data).toEqual(statusBody);
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
    // Without Retry-After the backoff here would be a few ms (initialDelayMs 5).
    expect(server.requests[1]!.receivedAt - server.requests[0]!.receivedAt).toBeGreaterThanOrEqual(180);
  });

  it("a 429 left after the retries is { error, response }, its RateLimitError from friendliErrorOf", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(429, { "retry-after": "0", "content-type": "application/json", "x-request-id": "req-7" });
      res.end(json({ message: "slow down" }));
    });
    const { data, error, response } = await fetchFaultClient(server.url, { maxRetries: 2 }).GET(
      "/dedicated/beta/endpoint/{endpoint_id}/status",
      status,
    );
    expect(data).toBeUndefined();
    expect(error).toEqual({ message: "slow down" });
    expect(response.status).toBe(429);
    expect(server.requests).toHaveLength(3);
    const typed = friendliErrorOf(response);
    expect(typed).toBeInstanceOf(RateLimitError);
    expect(typed).toMatchObject({ status: 429, requestId: "req-7" });
  });

  it("a 404 is { error } with the NotFoundError available, and is not retried", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(404, { "content-type": "application/json", "x-request-id": "req-404" });
      res.end(json({ detail: "no such endpoint" }));
    });
    const { error, response } = await fetchFaultClient(server.url).GET(
      "/dedicated/beta/endpoint/{endpoint_id}/status",
      status,
    );
    expect(error).toEqual({ detail: "no such endpoint" });
    const typed = friendliErrorOf(response);
    expect(typed).toBeInstanceOf(NotFoundError);
    expect(typed?.message).toBe("GET /dedicated/beta/endpoint/ep-1/status answered 404: no such endpoint");
    expect(typed?.requestId).toBe("req-404");
    expect(server.requests).toHaveLength(1);
  });

  it("the token and team go only where the spec asks, and only to the API origin", async () => {
    const empty = (_req: unknown, res: import("node:http").ServerResponse) =>
      void res.writeHead(200, { "content-type": "application/json" }).end("{}");
    const api = await serve(empty);
    const elsewhere = await serve(empty);
    const client = fetchFaultClient(api.url);
    await client.GET("/dedicated/beta/endpoint/{endpoint_id}/status", status);
    // The model list and container routes take neither.
    await client.GET("/serverless/v1/models");
    await client.POST("/v1/chat/completions", { body: chatBody });
    // openapi-fetch's per-call baseUrl points elsewhere: no secret follows it.
    await client.GET("/dedicated/beta/endpoint/{endpoint_id}/status", { ...status, baseUrl: elsewhere.url });

    const [spec, models, container] = api.requests;
    expect(spec!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(spec!.headers["x-friendli-team"]).toBe("team-1");
    expect(spec!.headers["user-agent"]).toMatch(/^friendli-ts\//);
    for (const request of [models!, container!, elsewhere.requests[0]!]) {
      expect(request.headers.authorization).toBeUndefined();
      expect(request.headers["x-friendli-team"]).toBeUndefined();
    }
    expect(container!.body).toBe(json(chatBody));
  });

  it("a timeout rejects with APITimeoutError after each attempt timed out", async () => {
    const server = await serve(never);
    // Counted as they leave: an attempt may time out before the server reads it.
    const { fetch, sent } = recordSentRequests();
    const error = await fetchFaultClient(server.url, { timeout: 100, maxRetries: 1, fetch })
      .GET("/serverless/v1/models")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as Error).message).toBe("GET /serverless/v1/models timed out after 100 ms");
    expect(sent).toHaveLength(2);
  });

  it("the caller's abort, once the server holds the request, rejects with APIUserAbortError", async () => {
    const controller = new AbortController();
    const server = await serve(() => {
      controller.abort();
      return never();
    });
    await expect(
      fetchFaultClient(server.url).GET("/dedicated/beta/endpoint/{endpoint_id}/status", {
        ...status,
        signal: controller.signal,
      }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(1);
  });

  it("calls on one signal leave no listener on it once they end (no Request follows it)", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" }).end(json(statusBody));
    });
    const shutdown = new AbortController();
    const client = fetchFaultClient(server.url);
    const calls = Array.from({ length: 20 }, () =>
      client.GET("/dedicated/beta/endpoint/{endpoint_id}/status", { ...status, signal: shutdown.signal }),
    );
    const answers = await Promise.all(calls);
    expect(answers.map(({ data }) => data)).toEqual(answers.map(() => statusBody));
    // Nothing is collected here: a listener held until the Request is garbage collected would count.
    expect(getEventListeners(shutdown.signal, "abort")).toHaveLength(0);
  });

  it("a middleware of openapi-fetch's that builds a new Request keeps the caller's abort", async () => {
    const controller = new AbortController();
    const server = await serve(() => {
      controller.abort();
      return never();
    });
    // The timeout only ends a call that lost the abort, sooner than the test's own.
    const client = fetchFaultClient(server.url, { timeout: 5_000 });
    // openapi-fetch takes a replacement only of its client's own Request class.
    client.use({
      onRequest: ({ request }) =>
        new (request.constructor as typeof Request)(request, { headers: { "x-traced": "1" } }),
    });
    await expect(
      client.GET("/dedicated/beta/endpoint/{endpoint_id}/status", { ...status, signal: controller.signal }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
    expect(server.requests[0]?.headers["x-traced"]).toBe("1");
  });

  it("a call's own middleware and fetch get a real Request, body and all; the answer drops its stale length", async () => {
    const answer = { id: "chatcmpl-1", object: "chat.completion", choices: [] };
    const headers = { "content-type": "application/json", "content-length": String(json(answer).length) };
    const server = await serve((_req, res) => void res.writeHead(200, headers).end(json(answer)));
    const client = fetchFaultClient(server.url);
    const path = "/serverless/v1/chat/completions";
    const seen: string[] = [];
    const onRequest = async ({ request }: { request: Request }) => {
      seen.push(`${request instanceof Request} ${request.method} ${await request.clone().text()}`);
    };
    const fetchOfOurs = (request: Request) => {
      seen.push(`fetch: ${request instanceof Request} ${request.method}`);
      return Promise.resolve(new Response(json(answer), { headers: { "content-type": "application/json" } }));
    };
    expect((await client.POST(path, { body: chatBody, middleware: [{ onRequest }] })).data).toEqual(answer);
    expect((await client.POST(path, { body: chatBody, fetch: fetchOfOurs })).data).toEqual(answer);
    const { data, response } = await client.POST(path, { body: chatBody });
    expect(data).toEqual(answer);
    // The answer was read (and decoded) by the transport: its length no longer holds, its type does.
    expect([response.headers.get("content-length"), response.headers.get("content-type")]).toEqual([
      null,
      "application/json",
    ]);
    expect(seen).toEqual([`true POST ${json(chatBody)}`, "fetch: true POST"]);
    // The call without either sends the method, body and headers the others do.
    expect(server.requests.map(({ method, body }) => `${method} ${body}`)).toEqual([
      `POST ${json(chatBody)}`,
      `POST ${json(chatBody)}`,
    ]);
    expect(server.requests[1]?.headers["content-type"]).toBe("application/json");
    expect(server.requests[1]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("a per-call baseUrl with a user name and password is an InvalidInputError that does not quote them", async () => {
    const server = await serve(never);
    const baseUrl = server.url.replace("://", "://user:hunter2@");
    const error = await fetchFaultClient(server.url)
      .GET("/dedicated/beta/endpoint/{endpoint_id}/status", { ...status, baseUrl })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(everythingAnErrorShows(error)).not.toContain("hunter2");
    expect(server.requests).toHaveLength(0);
  });

  it("an operation that needs a token, with none, is an InvalidInputError before the network", async () => {
    const server = await serve(never);
    await expect(
      fetchFaultClient(server.url, { token: null }).GET("/dedicated/beta/endpoint/{endpoint_id}/status", status),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(server.requests).toHaveLength(0);
  });

  it("a success answer that is not the JSON the spec promises rejects with InvalidResponseError", async () => {
    const server = await serve((_req, res, { attempt }) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(attempt === 1 ? "<html>maintenance</html>" : "");
    });
    const client = fetchFaultClient(server.url);
    await expect(client.GET("/dedicated/beta/endpoint/{endpoint_id}/status", status)).rejects.toBeInstanceOf(
      InvalidResponseError,
    );
    await expect(client.GET("/dedicated/beta/endpoint/{endpoint_id}/status", status)).rejects.toThrow(
      "GET /dedicated/beta/endpoint/ep-1/status answered 200 with an empty body where JSON was expected",
    );
  });

  it("a refused connection rejects with APIConnectionError", async () => {
    const server = await serve(never);
    const { url } = server;
    await server.stop();
    await expect(fetchFaultClient(url, { maxRetries: 0 }).GET("/serverless/v1/models")).rejects.toBeInstanceOf(
      APIConnectionError,
    );
  });

  it.each([400, 599])("a %i is handed back as { error }, not thrown", async (code) => {
    const server = await serve((_req, res) => {
      res.writeHead(code, { "content-type": "application/json" }).end(json({ message: `status ${code}` }));
    });
    const { data, error, response } = await fetchFaultClient(server.url, { maxRetries: 0 }).POST(
      "/serverless/v1/chat/completions",
      { body: chatBody },
    );
    expect(data).toBeUndefined();
    expect(error).toEqual({ message: `status ${code}` });
    expect(response.status).toBe(code);
    expect(friendliErrorOf(response)?.status).toBe(code);
  });

  it("a token the server echoes is removed from the error body and the typed error", async () => {
    const server = await serve((req, res) => {
      res.writeHead(401, { "content-type": "application/json", "x-echo": String(req.headers.authorization) });
      res.end(json({ message: `token ${TOKEN} is not valid` }));
    });
    const { error, response } = await fetchFaultClient(server.url).GET(
      "/dedicated/beta/endpoint/{endpoint_id}/status",
      status,
    );
    expect(error).toEqual({ message: "token [redacted] is not valid" });
    expect(response.headers.get("x-echo")).toBe("Bearer [redacted]");
    const typed = friendliErrorOf(response);
    expect(typed).toBeInstanceOf(AuthenticationError);
    expect(`${typed?.message} ${typed?.stack} ${JSON.stringify(typed?.body)}`).not.toContain(TOKEN);
  });

  it("the SDK's middleware sees every attempt, with the spec operation the request went to", async () => {
    const server = await serve((_req, res, { attempt }) => {
      if (attempt === 1) return void res.writeHead(503, { "retry-after": "0" }).end();
      res.writeHead(200, { "content-type": "application/json" }).end(json(statusBody));
    });
    const seen: Pick<MiddlewareContext, "attempt" | "operationId" | "schemaPath">[] = [];
    const client = fetchFaultClient(server.url, {
      middleware: [
        { onRequest: ({ attempt, operationId, schemaPath }) => void seen.push({ attempt, operationId, schemaPath }) },
      ],
    });
    const { data } = await client.GET("/dedicated/beta/endpoint/{endpoint_id}/status", status);
    expect(data).toEqual(statusBody);
    const schemaPath = "/dedicated/beta/endpoint/{endpoint_id}/status";
    expect(seen).toEqual([
      { attempt: 0, operationId: "dedicatedGetEndpointStatus", schemaPath },
      { attempt: 1, operationId: "dedicatedGetEndpointStatus", schemaPath },
    ]);
  });

  it("the reviewed retry table decides, by the route, whether a POST is sent again after a 5xx", async () => {
    const server = await serve((req, res, { attempt }) => {
      if (req.url === "/beta/dataset" || attempt === 1) return void res.writeHead(502).end("bad gateway");
      res.writeHead(200, { "content-type": "application/json" }).end(json({ choices: [] }));
    });
    const client = fetchFaultClient(server.url);
    // Inference stores nothing: a repeat is harmless.
    const chat = await client.POST("/serverless/v1/chat/completions", { body: chatBody });
    expect(chat.response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
    // A second create could make a second dataset: sent once.
    const created = await client.POST("/beta/dataset", {
      body: { name: "d", modality: { input_modals: ["TEXT"], output_modals: ["TEXT"] } } as never,
    });
    expect(created.response.status).toBe(502);
    expect(created.error).toBe("bad gateway");
    expect(server.requests).toHaveLength(3);
  });
});

describe("streams through createFriendliFetchClient", () => {
  const events = [chunk("Hel"), chunk("lo"), "data: [DONE]\n\n"];

  it("a body with stream: true is handed over at the headers and read to its end", async () => {
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const server = await serve(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(events[0]);
      // The rest only once the client holds the response.
      await finished;
      await writeChunks(res, events.slice(1));
      res.end();
    });
    const { data, response } = await fetchFaultClient(server.url).POST("/serverless/v1/chat/completions", {
      body: { ...chatBody, stream: true },
      parseAs: "stream",
    });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(server.requests[0]!.headers.accept).toBe("text/event-stream");
    finish();
    const text = await new Response(data).text();
    expect(text).toBe(events.join(""));
  });

  it("cancelling the body aborts the request", async () => {
    let closed!: () => void;
    const serverSawClose = new Promise<void>((resolve) => (closed = resolve));
    const server = await serve(async (_req, res) => {
      res.once("close", () => closed());
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(events[0]);
      await never();
    });
    const { data } = await fetchFaultClient(server.url).POST("/serverless/v1/chat/completions#stream", {
      body: { ...chatBody, stream: true },
      parseAs: "stream",
    });
    const reader = data!.getReader();
    await reader.read();
    await reader.cancel();
    await serverSawClose;
  });

  it("a stream that goes quiet fails with APITimeoutError after idleTimeout", async () => {
    const server = await serve(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(events[0]);
      await never();
    });
    const { data } = await fetchFaultClient(server.url, { idleTimeout: 100 }).POST("/serverless/v1/chat/completions", {
      body: { ...chatBody, stream: true },
      parseAs: "stream",
    });
    await expect(new Response(data).text()).rejects.toBeInstanceOf(APITimeoutError);
  });

  it("a stream cut by the server fails the read with StreamInterruptedError", async () => {
    const server = await serve(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      await writeChunks(res, [events[0]!]);
      res.destroy();
    });
    const { data } = await fetchFaultClient(server.url).POST("/serverless/v1/chat/completions", {
      body: { ...chatBody, stream: true },
      parseAs: "stream",
    });
    await expect(new Response(data).text()).rejects.toBeInstanceOf(StreamInterruptedError);
  });

  it("the caller's abort while the body is read rejects with APIUserAbortError", async () => {
    const controller = new AbortController();
    const server = await serve(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(events[0]);
      await never();
    });
    const { data } = await fetchFaultClient(server.url).POST("/serverless/v1/chat/completions", {
      body: { ...chatBody, stream: true },
      parseAs: "stream",
      signal: controller.signal,
    });
    const reader = data!.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toBeInstanceOf(APIUserAbortError);
  });
});
