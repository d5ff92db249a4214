import { createFriendliClient, ValidationError } from "@friendli-ts/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The built entry, as a user installs it (its specs are the copies shipped in dist/).
import { type MockServer, startMockServer } from "../../dist/index.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock?.stop());

const badChat = () =>
  fetch(`${mock.url}/serverless/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: "Bearer t", "content-type": "application/json" },
    body: JSON.stringify({ model: "m", messages: "not a list" }),
  });

describe("a request the spec forbids", () => {
  it("gets a 422 whose JSON body says each violation: error.message for OpenAI-style clients, detail for each", async () => {
    const res = await badChat();
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await res.json()) as {
      error: { message: string; type: string; code: string };
      detail: { loc: unknown[]; msg: string; type: string }[];
    };
    expect(body.detail[0]).toMatchObject({ loc: ["body", "messages"], msg: expect.stringMatching(/array/) });
    expect(body.error.type).toBe("invalid_request_error");
    expect(body.error.message).toContain(`body.messages: ${body.detail[0]?.msg}`);
    // Prism's header stays, for tools that read it.
    const header = JSON.parse(res.headers.get("sl-violations") ?? "[]") as { location: unknown[] }[];
    expect(header[0]?.location).toEqual(["request", "body", "messages"]);
  });

  it("this SDK's ValidationError reads its issues from the body", async () => {
    const client = createFriendliClient({ baseURL: mock.url, token: "t", maxRetries: 0 });
    const error = await client
      .POST("/serverless/v1/chat/completions", { body: { model: "m", messages: "not a list" } as never })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]).toMatchObject({ loc: ["body", "messages"] });
  });

  it("this SDK's ValidationError message says each violation once", async () => {
    const client = createFriendliClient({ baseURL: mock.url, token: "test-token-long", maxRetries: 0 });
    const error = await client
      .POST("/serverless/v1/chat/completions", {
        body: { model: "m", messages: "not a list", temperature: "hot" } as never,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const { issues, message } = error as ValidationError;
    expect(issues.length).toBeGreaterThan(1);
    for (const issue of issues) {
      const said = `${issue.loc.join(".")}: ${issue.msg}`;
      expect(message.split(said).length - 1, said).toBe(1);
    }
  });
});

describe("a refused request names the rule it broke, where the spec writes it", () => {
  const refused = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${mock.url}${path}`, {
      ...init,
      headers: { authorization: "Bearer t", "content-type": "application/json", ...init.headers },
    });
    expect(res.status).toBe(422);
    return (await res.json()) as {
      error: { message: string; code: string };
      detail: { loc: unknown[]; msg: string; rule?: string }[];
    };
  };

  it("a body field: the schema of that field, in detail.rule, in msg and in error.message", async () => {
    const body = await refused("/serverless/v1/chat/completions", {
      method: "POST",
      body: JSON.stringify({ model: "m", messages: "not a list" }),
    });
    const rule = "#/components/schemas/ServerlessChatCompletionBody/properties/messages";
    expect(body.error.code).toBe("request_violates_spec");
    expect(body.detail[0]).toMatchObject({ loc: ["body", "messages"], rule });
    expect(body.detail[0]?.msg).toContain(`(spec: ${rule})`);
    expect(body.error.message).toContain(`body.messages: `);
    expect(body.error.message).toContain(rule);
  });

  it("inside a union several branches could mean: the union itself, each violation said once", async () => {
    const body = await refused("/serverless/v1/chat/completions", {
      method: "POST",
      body: JSON.stringify({ model: "m", messages: [{ role: "wizard", content: "x" }] }),
    });
    // `role` is in every branch of Message: which one the request meant is unknown.
    const role = body.detail.filter((d) => d.loc.join(".") === "body.messages.0.role");
    expect(role.length).toBeGreaterThan(0);
    for (const detail of role) expect(detail.rule).toBe("#/components/schemas/Message");
    const said = body.detail.map((d) => JSON.stringify([d.loc, d.msg]));
    expect(new Set(said).size).toBe(said.length);
  });

  it("a query parameter: its entry in the operation", async () => {
    const body = await refused("/v1/team/cost?start_time=yesterday&end_time=2026-01-02T00:00:00Z");
    const detail = body.detail.find((d) => d.loc.join(".") === "query.start_time");
    expect(detail?.rule).toMatch(/^#\/paths\/~1v1~1team~1cost\/get\/parameters\/\d+$/);
    expect(body.error.message).toContain(detail?.rule);
  });
});
