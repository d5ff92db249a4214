// The mock in process: a `fetch` function on the same engine as the server mode, driven by
// this SDK, openai-node and the endpoints wrapper through their `fetch` option. Nothing here
// listens on a port. The scripted faults are the server mode's case list
// (test/support/scripted-fault-cases.ts), played here without sockets.

import { readFileSync } from "node:fs";
import { createFriendliClient, ValidationError } from "@friendli-ts/client";
import { createFriendliEndpoints, EndpointFailedError } from "@friendli-ts/endpoints";
import OpenAI from "openai6";
import { beforeEach, describe, expect, it } from "vitest";
import { createMockFetch as createWebMockFetch } from "../../dist/in-process/index.js";
import { specChecks } from "../../dist/in-process/spec-checks.js";
import { createMockFetch, type MockReplyError } from "../../dist/index.js";
import { chatAnswer, readChatStream, scriptedFaultCases } from "../support/scripted-fault-cases.ts";

const mock = createMockFetch();
beforeEach(() => mock.reset());

const TOKEN = "in-process-secret-token-0123456789";
const messages = [{ role: "user" as const, content: "Hi" }];
const client = (options: { maxRetries?: number; timeout?: number; idleTimeout?: number } = {}) =>
  createFriendliClient({ baseURL: mock.url, token: TOKEN, fetch: mock.fetch, maxRetries: 0, ...options });
const openai = (maxRetries = 0) =>
  new OpenAI({ apiKey: TOKEN, baseURL: `${mock.url}/serverless/v1`, fetch: mock.fetch, maxRetries });

describe("answers from the spec, with no server", () => {
  it("a chat completion and a chat stream for this SDK, each recorded as the server mode records it", async () => {
    const { data } = await client().POST("/serverless/v1/chat/completions", { body: { model: "m", messages } });
    expect(data.choices[0]?.message.content).toMatch(/\w+.*\.$/);
    const { text, error } = await readChatStream(client());
    expect(error).toBeUndefined();
    // Streamed in pieces: several events made the text.
    expect(text.split(" ").length).toBeGreaterThan(5);
    expect(mock.calls.slice(-2)).toEqual([
      {
        method: "POST",
        path: "/serverless/v1/chat/completions",
        stream: false,
        status: 200,
        operationId: "serverlessChatComplete",
      },
      {
        method: "POST",
        path: "/serverless/v1/chat/completions",
        stream: true,
        status: 200,
        operationId: "serverlessChatStream",
      },
    ]);
  });

  it("openai-node through its fetch option: a chat stream, and embeddings in its default base64", async () => {
    const stream = await openai().chat.completions.create({ model: "m", messages, stream: true });
    let text = "";
    for await (const c of stream) text += c.choices[0]?.delta.content ?? "";
    expect(text.length).toBeGreaterThan(20);
    const api = new OpenAI({ apiKey: TOKEN, baseURL: `${mock.url}/dedicated/v1`, fetch: mock.fetch, maxRetries: 0 });
    const { data } = await api.embeddings.create({ model: "e", input: ["a", "b"] });
    expect(data).toHaveLength(2);
    expect(data[0]?.embedding.length).toBeGreaterThan(0);
    expect(data[0]?.embedding.every(Number.isFinite)).toBe(true);
  });

  it("a refused request names the rule it broke, by its spec path, to both clients", async () => {
    const rule = "#/components/schemas/ServerlessChatCompletionBody/properties/messages";
    const bad = { model: "m", messages: "Hi" } as unknown as { model: string; messages: typeof messages };
    const error = await client()
      .POST("/serverless/v1/chat/completions", { body: bad })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toContainEqual(
      expect.objectContaining({ loc: ["body", "messages"], rule }),
    );
    const node = await openai()
      .chat.completions.create(bad)
      .catch((e: unknown) => e);
    expect(node).toBeInstanceOf(OpenAI.UnprocessableEntityError);
    expect((node as Error).message).toContain(`(spec: ${rule})`);
    // A scripted reply waits for a request the spec accepts.
    mock.respond("serverlessChatComplete", { body: chatAnswer("scripted") });
    await client()
      .POST("/serverless/v1/chat/completions", { body: bad })
      .catch(() => {});
    expect(mock.pendingReplies()).toEqual([{ operationId: "serverlessChatComplete", remaining: 1 }]);
  });

  it("a request without the token the spec asks for is a 401; what it says never holds a caller's token", async () => {
    const anonymous = await mock.fetch(`${mock.url}/serverless/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "m", messages }),
    });
    expect(anonymous.status).toBe(401);
    const lost = await mock.fetch(`${mock.url}/nowhere/${TOKEN}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(lost.status).toBe(404);
    const text = await lost.text();
    expect(text).toContain("/nowhere/");
    expect(text).not.toContain(TOKEN.slice(0, 12));
  });

  it("reads at most maxBodyBytes of a request, whether sent as text or as a stream", async () => {
    const small = createMockFetch({ maxBodyBytes: 64 });
    const send = (body: BodyInit) =>
      small.fetch(`${small.url}/serverless/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
        body,
        duplex: "half",
      } as RequestInit);
    const over = JSON.stringify({ model: "m", messages: [{ role: "user", content: "x".repeat(64) }] });
    expect((await send(over)).status).toBe(413);
    expect((await send(new Blob([over]).stream())).status).toBe(413);
    expect(small.calls).toEqual([]);
  });

  it("the checks the build compiled (for workers) judge requests and replies as those compiled on first use", async () => {
    const spec = JSON.parse(
      readFileSync(new URL("../../dist/mock/friendli-openapi.normalized.json", import.meta.url), "utf8"),
    );
    const built = createWebMockFetch({ spec, checks: specChecks });
    const refusal = async (fetch: typeof globalThis.fetch, body: unknown) => {
      const response = await fetch(`${mock.url}/serverless/v1/chat/completions?bad=1`, {
        method: "POST",
        headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    };
    const bads = [
      { model: "m", messages: "Hi" },
      { messages },
      { model: "m", messages: [{ role: "robot", content: "x" }] },
    ];
    for (const bad of bads) {
      const fromBuild = await refusal(built.fetch, bad);
      expect(fromBuild.status).toBe(422);
      expect(fromBuild).toEqual(await refusal(mock.fetch, bad));
    }
    const badReply = { body: { ...chatAnswer("x"), choices: [{ index: 0, finish_reason: "nope" }] } } as never;
    const issuesOf = (respond: () => void) => {
      try {
        respond();
      } catch (error) {
        return (error as MockReplyError).issues;
      }
    };
    const builtIssues = issuesOf(() => built.respond("serverlessChatComplete", badReply));
    expect(builtIssues?.length).toBeGreaterThan(0);
    expect(builtIssues).toEqual(issuesOf(() => mock.respond("serverlessChatComplete", badReply)));
  });
});

scriptedFaultCases("the in-process fetch", () => mock);

describe("state", () => {
  const body = {
    projectId: "project-1",
    name: "llama-8b",
    instanceOptionId: "TwD5AqnBSVN0",
    hfModelRepo: "meta-llama/Llama-3.1-8B-Instruct",
    advanced: { tokenizer_add_special_tokens: true, tokenizer_skip_special_tokens: false },
  };

  it("endpoints.createAndWait runs end to end; a scripted failure and a delete follow", async () => {
    const endpoints = createFriendliEndpoints({ baseURL: mock.url, token: TOKEN, fetch: mock.fetch });
    const { endpointId, status } = await endpoints.createAndWait(body, { intervalMs: 1 });
    expect(status.status).toBe("RUNNING");
    expect((await endpoints.get(endpointId)).name).toBe("llama-8b");
    mock.endpoints.schedule([
      { status: "INITIALIZING", reads: 1 },
      { status: "FAILED", errorCode: "WORKLOAD_INIT_DOWNLOAD_ERROR" },
    ]);
    await expect(endpoints.createAndWait(body, { intervalMs: 1 })).rejects.toBeInstanceOf(EndpointFailedError);
    await endpoints.delete(endpointId);
    expect(mock.endpoints.ids()).not.toContain(endpointId);
    mock.reset();
    expect(mock.endpoints.ids()).toEqual([]);
  });
});
