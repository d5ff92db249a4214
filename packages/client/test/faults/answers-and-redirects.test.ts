import { serveFaults } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import {
  APIError,
  createFriendliClient,
  InternalServerError,
  InvalidInputError,
  InvalidResponseError,
} from "../../src/index.ts";
import { chatBody, faultClient } from "../support/fault-client.ts";

const serve = serveFaults();

describe("answers that are not what they claim", () => {
  it.each([
    ["an empty body", "", /empty body/],
    ["broken JSON", "{bad", /not JSON: \{bad/],
    ["an HTML page", "<html><body>gateway</body></html>", /not JSON: <html>/],
  ])(
    "a 200 with %s is an InvalidResponseError with status, request id and the body's start",
    async (_, body, message) => {
      const server = await serve(
        (_req, res) =>
          void res.writeHead(200, { "content-type": "application/json", "x-request-id": "req-9" }).end(body),
      );
      const error = await faultClient(server.url)
        .POST("/serverless/v1/chat/completions", { body: chatBody })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as InvalidResponseError).message).toMatch(message);
      expect(error).toMatchObject({ status: 200, requestId: "req-9", bodyStart: body.slice(0, 200) });
    },
  );
});

describe("bad input is refused when it is given", () => {
  it("bodies JSON cannot carry fail before the network", async () => {
    const server = await serve((_req, res) => void res.writeHead(200).end("{}"));
    const cyclic: Record<string, unknown> = { model: "m" };
    cyclic.self = cyclic;
    const client = faultClient(server.url);
    for (const body of [{ ...chatBody, seed: 10n }, cyclic]) {
      await expect(client.POST("/serverless/v1/chat/completions", { body: body as never })).rejects.toBeInstanceOf(
        InvalidInputError,
      );
    }
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    [{ defaultHeaders: { "x-a": "b\r\nInjected: 1" } }, /header "x-a"/],
    [{ defaultHeaders: { "bad name": "x" } }, /header name/],
    [{ token: "tok\u00e9n" }, /token/],
    [{ token: "a\nb" }, /token/],
    [{ timeout: 2 ** 31 }, /timeout/],
    [{ baseURL: "http://127.0.0.1:1/?a=1" }, /query/],
    [{ baseURL: "http://127.0.0.1:1/#x" }, /fragment/],
    [{ teamId: "t\r\n" }, /teamId/],
  ])("createFriendliClient(%o) throws an InvalidInputError", (options, message) => {
    expect(() => createFriendliClient(options)).toThrowError(InvalidInputError);
    expect(() => createFriendliClient(options)).toThrowError(message);
  });
});

describe("retries follow the reviewed table, not the HTTP method", () => {
  it.each([
    ["restart (a PUT that acts twice)", "PUT", "/dedicated/beta/endpoint/{endpoint_id}/restart", 1],
    ["sleep (a PUT that asks for a state)", "PUT", "/dedicated/beta/endpoint/{endpoint_id}/sleep", 3],
    ["create endpoint (a POST that creates)", "POST", "/dedicated/beta/endpoint", 1],
    ["chat (inference stores nothing)", "POST", "/serverless/v1/chat/completions", 3],
  ] as const)("%s after a 500: %i request(s)", async (_, method, path, expected) => {
    const server = await serve((_req, res) => void res.writeHead(500).end());
    const client = faultClient(server.url, { maxRetries: 2 });
    const init = { params: { path: { endpoint_id: "e" } }, body: path.includes("chat") ? chatBody : {} };
    const call =
      method === "PUT" ? client.PUT(path as never, init as never) : client.POST(path as never, init as never);
    await expect(call).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(expected);
  });
});

describe("redirects", () => {
  it("one to another origin is refused: the token, team and body stay with the API", async () => {
    const other = await serve((_req, res) => void res.writeHead(200, { "content-type": "application/json" }).end("{}"));
    const api = await serve((_req, res) => void res.writeHead(307, { location: `${other.url}/steal` }).end());
    const error = await faultClient(api.url, { teamId: "team-1" })
      .POST("/serverless/v1/chat/completions", { body: chatBody })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).message).toMatch(/redirected to http:\/\/127\.0\.0\.1:\d+; not followed/);
    expect(other.requests).toHaveLength(0);
    expect(api.requests).toHaveLength(1);
  });

  it("one within the API is followed with the body", async () => {
    const api = await serve((req, res) => {
      if (req.url === "/serverless/v1/chat/completions") return void res.writeHead(308, { location: "/moved" }).end();
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
    const { data } = await faultClient(api.url).POST("/serverless/v1/chat/completions", { body: chatBody });
    expect(data).toEqual({ ok: true });
    expect(api.requests[1]).toMatchObject({ method: "POST", path: "/moved" });
    expect(JSON.parse(api.requests[1]?.body ?? "")).toEqual(chatBody);
    expect(api.requests[1]?.headers.authorization).toBe("Bearer secret-token-123");
  });

  it.each([
    [5, "followed"],
    [6, "refused"],
  ] as const)("%i hops within the API are %s (the limit is 5)", async (hops, outcome) => {
    const api = await serve((req, res) => {
      const hop = Number(req.url?.match(/^\/hop\/(\d+)$/)?.[1] ?? 0);
      if (hop < hops) return void res.writeHead(307, { location: `/hop/${hop + 1}` }).end();
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
    const answer = await faultClient(api.url)
      .GET("/serverless/v1/models")
      .then(({ data }) => data)
      .catch((e: unknown) => e);
    if (outcome === "followed") expect(answer).toEqual({ ok: true });
    else {
      expect(answer).toBeInstanceOf(APIError);
      expect((answer as APIError).message).toMatch(/too many times/);
    }
    // The first request and one per hop followed; a refused hop is not requested.
    expect(api.requests).toHaveLength(Math.min(hops, 5) + 1);
  });
});
