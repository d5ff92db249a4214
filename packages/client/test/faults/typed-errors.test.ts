import { recordSentRequests, serveFaults } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { type ClientOptions, type FriendliClient, InvalidInputError, InvalidResponseError } from "../../src/index.ts";
import { faultClient, json } from "../support/fault-client.ts";

const serve = serveFaults();
const ok = (body: unknown = {}) =>
  serve((_req, res) => void res.writeHead(200, { "content-type": "application/json" }).end(json(body)));

const TOKEN = "secret-token-123";
// Each is a value fetch refuses to send: it would fail as a "connection error" after retries.
const UNSENDABLE = ["팀", "a\u0001b", "a\u007fb", "a\r\nb", "a\u0000b", "\uD800"];

/** Runs `call` on a client over a live server and returns its rejection, with what left the client. */
async function refusal(options: ClientOptions, call: (client: FriendliClient) => Promise<unknown>) {
  const server = await ok();
  const { fetch, sent } = recordSentRequests();
  const error = await (async () => call(faultClient(server.url, { fetch, ...options })))().catch((e: unknown) => e);
  return { error: error as Error, sent, seen: server.requests };
}

const models = (client: FriendliClient, options = {}) => client.GET("/serverless/v1/models", options);

describe("header values fetch cannot send are InvalidInputError before any request", () => {
  it.each(UNSENDABLE)("in a call's headers: %j", async (value) => {
    const { error, sent } = await refusal({}, (c) => models(c, { headers: { "X-Note": value } }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toContain('"X-Note"');
    expect(sent).toHaveLength(0);
  });

  it.each(UNSENDABLE)("in defaultHeaders: %j", async (value) => {
    const { error, sent } = await refusal({}, (c) => models(c.withOptions({ defaultHeaders: { "x-app": value } })));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toMatch(/^defaultHeaders: .*"x-app"/);
    expect(sent).toHaveLength(0);
  });

  it.each(UNSENDABLE)("as the client's teamId and a call's teamId: %j", async (value) => {
    const client = await refusal({ teamId: value }, models);
    expect(client.error).toBeInstanceOf(InvalidInputError);
    expect(client.error.message).toMatch(/^teamId/);
    const perCall = await refusal({}, (c) => models(c, { teamId: value }));
    expect(perCall.error).toBeInstanceOf(InvalidInputError);
    expect(perCall.error.message).toMatch(/^teamId/);
    expect([...client.sent, ...perCall.sent]).toHaveLength(0);
  });

  it.each(UNSENDABLE)("as a token, static or from a token function, never quoted: %j", async (value) => {
    const token = `flp_${value}_rest`;
    for (const option of [token, () => token, async () => token]) {
      const { error, sent } = await refusal({ token: option }, models);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error.message).toMatch(/^token/);
      expect(error.message).not.toContain("flp_");
      expect(sent).toHaveLength(0);
    }
  });

  it("a secret in a bad header value is never quoted back", async () => {
    const { error, sent } = await refusal({}, (c) => models(c, { headers: { Authorization: `Bearer ${TOKEN}\n` } }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toContain('"Authorization"');
    expect(error.message).not.toContain(TOKEN);
    expect(sent).toHaveLength(0);
  });

  it("Latin-1, tabs and visible ASCII go through as they are", async () => {
    const server = await ok({ data: [] });
    await faultClient(server.url, { teamId: "équipe" }).GET("/serverless/v1/models", {
      headers: { "X-Note": "café\tau lait" },
    });
    expect(Buffer.from(server.requests[0]?.headers["x-note"] as string, "latin1").toString("latin1")).toBe(
      "café\tau lait",
    );
  });

  it("header names are matched without case: a call's Authorization and X-Friendli-Team replace the client's", async () => {
    const server = await ok({ data: [] });
    const client = faultClient(server.url, { teamId: "team-a", defaultHeaders: { "X-App": "one" } });
    await client.GET("/dedicated/beta/endpoint/{endpoint_id}", {
      params: { path: { endpoint_id: "ep-1" } },
      headers: { Authorization: "Bearer other", "X-FRIENDLI-TEAM": "team-b", "x-app": "two" },
    });
    // Sent twice under two spellings, fetch would join them: "Bearer other, Bearer secret-token-123".
    expect(server.requests[0]?.headers).toMatchObject({
      authorization: "Bearer other",
      "x-friendli-team": "team-b",
      "x-app": "two",
    });
  });
});

describe("path and query values no URL can carry are InvalidInputError before any request", () => {
  it("a path the spec does not have, or no init object, rejects the call's promise (never throws)", async () => {
    const server = await ok();
    const client = faultClient(server.url);
    const calls = [
      () => client.GET("/serverless/v1/nowhere" as never),
      () => client.POST("/serverless/v1/chat/completions", null as never),
    ];
    for (const call of calls) {
      let promise: Promise<unknown> | undefined;
      expect(() => {
        promise = call();
      }).not.toThrow();
      await expect(promise).rejects.toBeInstanceOf(InvalidInputError);
    }
    expect(server.requests).toHaveLength(0);
  });

  it.each(["\uD800", "ep-\uDFFF", "a\uD83D"])("a lone surrogate in a path id: %j", async (value) => {
    const { error, sent } = await refusal({}, (c) =>
      c.GET("/dedicated/beta/endpoint/{endpoint_id}", { params: { path: { endpoint_id: value } } }),
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toContain("`endpoint_id`");
    expect(sent).toHaveLength(0);
  });

  it("a whole surrogate pair is a character like any other", async () => {
    const server = await ok({});
    await faultClient(server.url).GET("/dedicated/beta/endpoint/{endpoint_id}", {
      params: { path: { endpoint_id: "ep-😀" } },
    });
    expect(server.requests[0]?.path).toBe("/dedicated/beta/endpoint/ep-%F0%9F%98%80");
  });

  it.each([
    ["a lone surrogate", "\uD800"],
    ["a symbol", Symbol("s")],
    ["an object JSON cannot write", { n: 1n }],
  ])("%s in a query parameter", async (_what, value) => {
    const { error, sent } = await refusal({}, (c) =>
      c.GET("/dedicated/beta/endpoint", { params: { query: { cursor: value as string } } }),
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toContain("`cursor`");
    expect(sent).toHaveLength(0);
  });
});

describe("an answer of the wrong kind is a typed error", () => {
  it.each([204, 205])("%i with no body where the spec promises JSON is InvalidResponseError", async (status) => {
    const server = await serve((_req, res) => void res.writeHead(status).end());
    const error = await faultClient(server.url, { maxRetries: 0 })
      .GET("/dedicated/beta/endpoint/{endpoint_id}", { params: { path: { endpoint_id: "ep-1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).status).toBe(status);
  });
});

describe("client.fetch takes its headers and URL through the same checks", () => {
  it.each([
    ["a record", { "X-Note": "팀" }],
    ["pairs", [["X-Note", "a\u0001b"]]],
  ])("headers as %s", async (_what, headers) => {
    const { error, sent } = await refusal({}, (c) => c.fetch("/v1/anything", { headers: headers as never }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toContain('"X-Note"');
    expect(sent).toHaveLength(0);
  });

  it("a Headers holds only what fetch can send: it goes through", async () => {
    const server = await ok({});
    const response = await faultClient(server.url).fetch("/v1/anything", {
      headers: new Headers({ "X-Note": "é" }) as never,
    });
    expect(response.status).toBe(200);
    expect(server.requests[0]?.headers["x-note"]).toBe(Buffer.from("é", "latin1").toString("latin1"));
  });

  it.each([
    ["the API's own host", (url: string) => url.replace("://", "://user:pw@")],
    ["another host", () => "https://user:pw@example.com/upload"],
  ])("a URL with a user name and password (%s) is InvalidInputError, never sent", async (_where, withUser) => {
    const server = await ok({});
    const { error, sent } = await refusal({}, (c) => c.fetch(`${withUser(server.url)}/v1/anything`));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).not.toContain("pw");
    expect(sent).toHaveLength(0);
  });

  it("a URL that does not parse is InvalidInputError, not quoted", async () => {
    const { error, sent } = await refusal({}, (c) => c.fetch("http://user:pw@[bad"));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).not.toContain("pw");
    expect(sent).toHaveLength(0);
  });
});
