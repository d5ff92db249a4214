import { describe, expect, it } from "vitest";
import { friendliErrorOf, NotFoundError, ValidationError } from "../../src/index.ts";
import { mockFetchClient } from "../support/mock-fetch-client.ts";

const client = mockFetchClient();
const chat = { model: "m", messages: [{ role: "user" as const, content: "Hello" }] };

describe("createFriendliFetchClient over HTTP to the mock server", () => {
  it("GET with a path parameter: { data } is the spec's answer", async () => {
    const { data, error, response } = await client.GET("/dedicated/beta/endpoint/{endpoint_id}/status", {
      params: { path: { endpoint_id: "ep-1" } },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(typeof data?.status).toBe("string");
  });

  it("POST with a JSON body", async () => {
    const { data } = await client.POST("/serverless/v1/chat/completions", { body: chat });
    expect(data?.choices[0]?.message).toBeDefined();
  });

  it("a multipart body (a form from openapi-fetch's bodySerializer) keeps its own boundary", async () => {
    const file = new Blob([new Uint8Array([82, 73, 70, 70, 0, 0, 0, 0])], { type: "audio/wav" });
    const { data, error } = await client.POST("/serverless/v1/audio/transcriptions", {
      body: { model: "m", file },
      bodySerializer: (body) => {
        const form = new FormData();
        form.set("model", body.model);
        form.set("file", body.file, "a.wav");
        return form;
      },
    });
    expect(error).toBeUndefined();
    expect(typeof data?.text).toBe("string");
  });

  it("a stream: stream: true in the body, the event stream read with parseAs: 'stream'", async () => {
    const { data, response } = await client.POST("/serverless/v1/chat/completions", {
      body: { ...chat, stream: true },
      parseAs: "stream",
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const text = await new Response(data).text();
    expect(text).toContain("data: ");
    expect(text).toContain("chat.completion.chunk");
  });

  it("a request the spec forbids is { error } with the ValidationError naming the problem", async () => {
    const { error, response } = await client.POST("/serverless/v1/chat/completions", {
      body: { model: "m" } as never,
    });
    expect(response.status).toBe(422);
    expect(error).toHaveProperty("detail");
    const typed = friendliErrorOf(response);
    expect(typed).toBeInstanceOf(ValidationError);
    expect((typed as ValidationError).issues.map((i) => i.msg).join("\n")).toContain("messages");
  });

  it("an error status the mock is asked for is { error }, its NotFoundError from friendliErrorOf", async () => {
    const { data, response } = await client.GET("/dedicated/beta/endpoint/{endpoint_id}/status", {
      params: { path: { endpoint_id: "missing" } },
      headers: { prefer: "code=404" },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(friendliErrorOf(response)).toBeInstanceOf(NotFoundError);
  });
});
