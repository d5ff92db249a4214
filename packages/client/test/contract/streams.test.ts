import { describe, expect, it } from "vitest";
import { APIUserAbortError, InvalidInputError, ValidationError } from "../../src/index.ts";
import { mockClient } from "../support/mock-client.ts";

const client = mockClient();
const messages = [{ role: "user" as const, content: "Hello" }];

describe("streams over HTTP", () => {
  it("chat: typed chunks until [DONE], skipping the example's '...' line", async () => {
    const stream = await client.stream("/serverless/v1/chat/completions#stream", { body: { model: "m", messages } });
    let text = "";
    let chunks = 0;
    for await (const { data } of stream) {
      chunks++;
      text += data.choices[0]?.delta.content ?? "";
    }
    expect(chunks).toBeGreaterThan(1);
    expect(text.length).toBeGreaterThan(0);
  });

  it("tool-assisted chat: events keep their names, tool status then tokens", async () => {
    const stream = await client.stream("/serverless/tools/v1/chat/completions#stream", {
      body: { model: "m", messages },
    });
    const names: (string | undefined)[] = [];
    let result = "";
    for await (const event of stream) {
      names.push(event.event);
      if (event.event === "tool_status" && event.data.status === "ENDED") result = String(event.data.result);
    }
    // The published example is repaired (scripts/spec/example-repairs.ts): its ENDED result is
    // valid JSON again and its chunks carry `event: token`. Broken JSON is a fault test.
    expect(names.slice(0, 2)).toEqual(["tool_status", "tool_status"]);
    expect(names.slice(2).every((name) => name === "token")).toBe(true);
    expect(names.length).toBeGreaterThan(2);
    expect(JSON.parse(result)).toHaveProperty("result");
  });

  it("responses and messages streams end on their final event", async () => {
    const responses = await client.stream("/dedicated/v1/responses#stream", { body: { model: "m", input: "Hi" } });
    const types: string[] = [];
    for await (const { data } of responses) types.push(data.type);
    expect(types.at(-1)).toMatch(/^response\.(completed|incomplete|failed)$/);

    const msgs = await client.stream("/v1/messages#stream", { body: { max_tokens: 8, messages } });
    const kinds: string[] = [];
    for await (const { data } of msgs) kinds.push(data.type);
    expect(kinds.at(-1)).toBe("message_stop");
  });

  it("multipart stream: audio transcription deltas", async () => {
    const file = new Blob([new Uint8Array([1, 2, 3])], { type: "audio/wav" });
    const stream = await client.stream("/serverless/v1/audio/transcriptions#stream", { body: { model: "m", file } });
    const types: string[] = [];
    for await (const { data } of stream) types.push(data.type);
    expect(types.length).toBeGreaterThan(0);
  });

  it("break cancels the request", async () => {
    const stream = await client.stream("/serverless/v1/completions#stream", { body: { model: "m", prompt: "Once" } });
    for await (const _ of stream) break;
    expect(stream.controller.signal.aborted).toBe(true);
  });

  it("an already aborted signal never reaches the server", async () => {
    const signal = AbortSignal.abort();
    await expect(
      client.stream("/serverless/v1/chat/completions#stream", { body: { model: "m", messages }, signal }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
  });
});

describe("errors from the contract", () => {
  it("a body the spec rejects fails with a ValidationError naming the field", async () => {
    const bad = { model: "m", messages: [{ role: "narrator", content: "x" }] };
    const error = await client.POST("/serverless/v1/chat/completions", { body: bad as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).status).toBe(422);
    expect((error as ValidationError).message).toContain("messages");
  });

  it("an operation that needs a token fails before the network without one", async () => {
    const noToken = mockClient({ token: null });
    await expect(
      noToken.POST("/serverless/v1/chat/completions", { body: { model: "m", messages } }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    // The model list needs no token, so the same client may call it.
    await expect(noToken.GET("/serverless/v1/models")).resolves.toHaveProperty("data");
  });
});
