import { operationIdsByTag } from "@friendli-ts/test-kit";
import { afterAll, describe, expect, it } from "vitest";
import { mockClient } from "../support/mock-client.ts";

// One typed call per tag of the spec, over HTTP to the mock server. The last test checks
// that no tag was left out, so a tag added upstream fails here until it is covered.
const covered = new Set<string>();
const client = mockClient();
const chat = { model: "m", messages: [{ role: "user" as const, content: "Hello" }] };
const audio = () => new Blob([new Uint8Array([82, 73, 70, 70, 0, 0, 0, 0])], { type: "audio/wav" });

function tagTest(tag: string, run: () => Promise<void>) {
  it(tag, async () => {
    await run();
    covered.add(tag);
  });
}

describe("serverless", () => {
  tagTest("Serverless.Chat", async () => {
    const { data } = await client.POST("/serverless/v1/chat/completions", { body: chat });
    expect(data.choices[0]?.message).toBeDefined();
  });
  tagTest("Serverless.Responses", async () => {
    const { data } = await client.POST("/serverless/v1/responses", { body: { model: "m", input: "Hi" } });
    expect(typeof data.id).toBe("string");
  });
  tagTest("Serverless.Messages", async () => {
    const { data } = await client.POST("/serverless/v1/messages", {
      body: { model: "m", max_tokens: 16, messages: [{ role: "user", content: "Hi" }] },
    });
    expect(data.role).toBe("assistant");
  });
  tagTest("Serverless.ChatRender", async () => {
    const { data } = await client.POST("/serverless/v1/chat/render", { body: chat });
    expect(data).toBeTypeOf("object");
  });
  tagTest("Serverless.Completions", async () => {
    const { data } = await client.POST("/serverless/v1/completions", { body: { model: "m", prompt: "Once" } });
    expect(data.choices.length).toBeGreaterThan(0);
  });
  tagTest("Serverless.Audio", async () => {
    const { data } = await client.POST("/serverless/v1/audio/transcriptions", {
      body: { model: "m", file: audio() },
    });
    expect(typeof data.text).toBe("string");
  });
  tagTest("Serverless.Token", async () => {
    const { data } = await client.POST("/serverless/v1/tokenize", { body: { model: "m", prompt: "Hi" } });
    expect(Array.isArray(data.tokens)).toBe(true);
  });
  tagTest("Serverless.ToolAssistedChat", async () => {
    const { data } = await client.POST("/serverless/tools/v1/chat/completions", { body: chat });
    expect(data.choices.length).toBeGreaterThan(0);
  });
  tagTest("Serverless.Knowledge", async () => {
    const { data } = await client.POST("/serverless/v1/knowledge/retrieve", {
      body: { query: "q", k: 1, knowledgeIds: ["kb"] },
    });
    expect(data).toBeTypeOf("object");
  });
  tagTest("Serverless.Model", async () => {
    const { data } = await client.GET("/serverless/v1/models");
    expect(Array.isArray(data.data)).toBe(true);
  });
});

describe("dedicated", () => {
  tagTest("Dedicated.Chat", async () => {
    const { data } = await client.POST("/dedicated/v1/chat/completions", { body: chat });
    expect(data.choices.length).toBeGreaterThan(0);
  });
  tagTest("Dedicated.Responses", async () => {
    const { data } = await client.POST("/dedicated/v1/responses", { body: { model: "m", input: "Hi" } });
    expect(typeof data.id).toBe("string");
  });
  tagTest("Dedicated.ChatRender", async () => {
    const { data } = await client.POST("/dedicated/v1/chat/render", { body: chat });
    expect(data).toBeTypeOf("object");
  });
  tagTest("Dedicated.Messages", async () => {
    const { data } = await client.POST("/dedicated/v1/messages", {
      body: { model: "m", max_tokens: 16, messages: [{ role: "user", content: "Hi" }] },
    });
    expect(data.role).toBe("assistant");
  });
  tagTest("Dedicated.Completions", async () => {
    const { data } = await client.POST("/dedicated/v1/completions", { body: { model: "m", prompt: "Once" } });
    expect(data.choices.length).toBeGreaterThan(0);
  });
  tagTest("Dedicated.Embeddings", async () => {
    const { data } = await client.POST("/dedicated/v1/embeddings", { body: { model: "m", input: "Hi" } });
    expect(Array.isArray(data.data)).toBe(true);
  });
  tagTest("Dedicated.Token", async () => {
    const { data } = await client.POST("/dedicated/v1/detokenize", { body: { model: "m", tokens: [1, 2] } });
    expect(typeof data.text).toBe("string");
  });
  tagTest("Dedicated.Image", async () => {
    const { data } = await client.POST("/dedicated/v1/images/generations", { body: { model: "m", prompt: "a cat" } });
    expect(Array.isArray(data.data)).toBe(true);
  });
  tagTest("Dedicated.Audio", async () => {
    const { data } = await client.POST("/dedicated/v1/audio/transcriptions", { body: { model: "m", file: audio() } });
    expect(typeof data.text).toBe("string");
  });
  tagTest("Dedicated.Classification", async () => {
    const { data } = await client.POST("/dedicated/classify", { body: { model: "m", input: "great" } });
    expect(data).toBeTypeOf("object");
  });
  tagTest("Dedicated.Endpoint", async () => {
    const { data } = await client.GET("/dedicated/beta/endpoint/{endpoint_id}", {
      params: { path: { endpoint_id: "ep-1" } },
    });
    expect(typeof data.name).toBe("string");
  });
});

describe("container (no token)", () => {
  const container = mockClient({ token: null });
  tagTest("Container.Chat", async () => {
    const { data } = await container.POST("/v1/chat/completions", { body: { messages: chat.messages } });
    expect(data.choices.length).toBeGreaterThan(0);
  });
  tagTest("Container.Responses", async () => {
    const { data } = await container.POST("/v1/responses", { body: { input: "Hi" } });
    expect(typeof data.id).toBe("string");
  });
  tagTest("Container.Messages", async () => {
    const { data } = await container.POST("/v1/messages", {
      body: { max_tokens: 16, messages: [{ role: "user", content: "Hi" }] },
    });
    expect(data.role).toBe("assistant");
  });
  tagTest("Container.Completions", async () => {
    const { data } = await container.POST("/v1/completions", { body: { prompt: "Once" } });
    expect(data.choices.length).toBeGreaterThan(0);
  });
  tagTest("Container.Token", async () => {
    const { data } = await container.POST("/v1/tokenize", { body: { prompt: "Hi" } });
    expect(Array.isArray(data.tokens)).toBe(true);
  });
  tagTest("Container.Image", async () => {
    const { data } = await container.POST("/v1/images/generations", { body: { prompt: "a cat" } });
    expect(data).toHaveProperty("image");
  });
  tagTest("Container.Audio", async () => {
    const { data } = await container.POST("/v1/audio/transcriptions", { body: { file: audio() } });
    expect(typeof data.text).toBe("string");
  });
  tagTest("Container.Classification", async () => {
    const { data } = await container.POST("/classify", { body: { input: "great" } });
    expect(data).toBeTypeOf("object");
  });
});

describe("team, datasets and files", () => {
  tagTest("Cost", async () => {
    const { data } = await client.GET("/v1/team/cost", {
      params: { query: { start_time: "2026-01-01T00:00:00Z", end_time: "2026-02-01T00:00:00Z" } },
    });
    expect(data).toBeTypeOf("object");
  });
  tagTest("Usage", async () => {
    const { data } = await client.GET("/v1/team/usage", {
      params: { query: { start_time: "2026-01-01T00:00:00Z", end_time: "2026-02-01T00:00:00Z" } },
    });
    expect(data).toBeTypeOf("object");
  });
  tagTest("Dataset", async () => {
    const { data } = await client.GET("/beta/dataset", { params: { query: { projectId: "p", limit: 5 } } });
    expect(Array.isArray(data.data)).toBe(true);
  });
  tagTest("File", async () => {
    const { data } = await client.POST("/beta/file", {
      body: { name: "a.jsonl", size: 3, digest: "sha256:abcdef", projectId: "p" },
    });
    expect(typeof data.fileId).toBe("string");
  });
});

afterAll(async () => {
  const tags = new Set((await operationIdsByTag()).keys());
  const missing = [...tags].filter((t) => !covered.has(t));
  // A failing tag test also lands here; the message names what has no passing contract test.
  expect(missing, `tags without a passing contract test: ${missing.join(", ")}`).toEqual([]);
});
