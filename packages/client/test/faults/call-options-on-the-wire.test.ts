import { serveFaults } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { APITimeoutError, InternalServerError } from "../../src/index.ts";
import { chatBody, chunk, faultClient, json } from "../support/fault-client.ts";

const serve = serveFaults();
const never = () => new Promise<void>(() => {});

describe("call options as the server sees them", () => {
  // Only the idle timeout can end this stream; with the client's minute it would outlast the test.
  it("a call's own timeout is also its stream's idle timeout when none is given", { timeout: 10_000 }, async () => {
    const server = await serve(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(chunk("one"));
      await never();
    });
    const client = faultClient(server.url, { timeout: 60_000 });
    const stream = await client.stream("/serverless/v1/chat/completions#stream", { body: chatBody, timeout: 300 });
    const read: string[] = [];
    const error = await (async () => {
      for await (const { data } of stream) read.push(data.choices[0]?.delta.content ?? "");
    })().catch((e: unknown) => e);
    expect(read).toEqual(["one"]);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as Error).message).toMatch(/sent nothing for 300 ms/);
  });

  it("a header parameter given as null is left out, not sent as the text null", async () => {
    const server = await serve(
      (_req, res) => void res.writeHead(200, { "content-type": "application/json" }).end(json({ choices: [] })),
    );
    await faultClient(server.url, { teamId: null }).POST("/serverless/v1/chat/completions", {
      body: chatBody,
      params: { header: { "X-Friendli-Team": null } },
    });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers).not.toHaveProperty("x-friendli-team");
  });

  it("a query parameter given as null is left out, not sent as the text null", async () => {
    const server = await serve(
      (_req, res) => void res.writeHead(200, { "content-type": "application/json" }).end(json({ data: [] })),
    );
    await faultClient(server.url).GET("/dedicated/beta/endpoint", {
      params: { query: { cursor: null as never, limit: 5 } },
    });
    expect(server.requests[0]?.path).toBe("/dedicated/beta/endpoint?limit=5");
  });

  it("a DELETE answered 204 with no body is a success", async () => {
    const server = await serve((_req, res) => void res.writeHead(204).end());
    const { data, response } = await faultClient(server.url).DELETE("/dedicated/beta/endpoint/{endpoint_id}", {
      params: { path: { endpoint_id: "ep-1" } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(204);
    expect(server.requests[0]).toMatchObject({ method: "DELETE", path: "/dedicated/beta/endpoint/ep-1" });
  });

  it.each([
    ["POST", 1],
    ["PUT", 1],
    ["GET", 3],
  ] as const)("client.fetch %s after a 500: %i request(s) unless the caller opts in", async (method, expected) => {
    const server = await serve((_req, res) => void res.writeHead(500).end());
    const client = faultClient(server.url, { maxRetries: 2 });
    const init = method === "GET" ? {} : { method, body: "x" };
    await expect(client.fetch("/v1/anything", init)).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(expected);
    // Opted in, the same call is sent again.
    server.requests.length = 0;
    await client
      .withOptions({ retryNonIdempotent: true })
      .fetch("/v1/anything", init)
      .catch(() => {});
    expect(server.requests).toHaveLength(3);
  });
});
