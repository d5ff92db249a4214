import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
// The built entry, as a user installs it (its specs are the copies shipped in dist/).
import { type MockServer, startMockServer } from "../../dist/index.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock?.stop());
beforeEach(() => mock.reset());

const chatBody = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ model: "m", messages: [{ role: "user", content: "Hi" }], ...extra });

/** A chat request as a client other than this SDK sends it: plain fetch, its own `Accept` (or none). */
const postChat = (body: string, accept?: string) =>
  fetch(`${mock.url}/serverless/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: "Bearer t", "content-type": "application/json", ...(accept && { accept }) },
    body,
  });

/** The `data:` lines of an SSE body, `[DONE]` kept as text. */
const dataLines = (text: string) =>
  text
    .split("\n")
    .filter((line) => line.startsWith("data: "))
    .map((line) => line.slice(6))
    .map((data) => (data === "[DONE]" ? data : JSON.parse(data)));

describe("the request's `stream` field picks the event stream, whatever `Accept` says", () => {
  for (const [client, accept] of [
    ["openai-node", "application/json"],
    ["the AI SDK", "*/*"],
    ["curl-style fetch", undefined],
  ] as const) {
    it(`stream: true with ${accept ? `Accept: ${accept}` : "no Accept"} (${client}) gets chunks and [DONE]`, async () => {
      const res = await postChat(chatBody({ stream: true }), accept);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
      const events = dataLines(await res.text());
      expect(events.at(-1)).toBe("[DONE]");
      expect(events[0]).toMatchObject({ object: "chat.completion.chunk" });
      expect(mock.calls.at(-1)).toMatchObject({ stream: true, operationId: "serverlessChatStream", status: 200 });
    });
  }

  it("Accept: text/event-stream alone still asks for the stream; stream: false gets JSON", async () => {
    const streamed = await postChat(chatBody(), "text/event-stream");
    expect(streamed.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(dataLines(await streamed.text()).at(-1)).toBe("[DONE]");
    const plain = await postChat(chatBody({ stream: false }), "text/event-stream");
    expect(plain.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await plain.json()).toMatchObject({ object: "chat.completion" });
  });

  it("a scripted stream reply answers a stream: true request sent with Accept: application/json", async () => {
    const chunk = (content: string) => ({
      id: "c1",
      object: "chat.completion.chunk" as const,
      created: 1,
      choices: [{ index: 0, delta: { content }, finish_reason: null }],
    });
    mock.respond("serverlessChatStream", {
      events: [{ data: chunk("scri") }, { data: chunk("pted") }, { data: "[DONE]" }],
    });
    const res = await postChat(chatBody({ stream: true }), "application/json");
    const events = dataLines(await res.text());
    expect(events.slice(0, 2).map((e) => e.choices[0].delta.content)).toEqual(["scri", "pted"]);
    expect(mock.pendingReplies()).toEqual([]);
    expect(mock.calls.at(-1)).toMatchObject({ stream: true, scripted: true });
  });

  it("a multipart `stream` form field asks for the transcription's event stream", async () => {
    const form = new FormData();
    form.set("model", "whisper");
    form.set("file", new Blob([new Uint8Array([1, 2, 3])], { type: "audio/wav" }), "a.wav");
    form.set("stream", "true");
    const res = await fetch(`${mock.url}/serverless/v1/audio/transcriptions`, {
      method: "POST",
      headers: { authorization: "Bearer t", accept: "application/json" },
      body: form,
    });
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    await res.text();
    expect(mock.calls.at(-1)).toMatchObject({ stream: true, operationId: "serverlessAudioTranscriptionsStream" });
  });

  it("stream: true on an operation that has no stream is an ordinary JSON request", async () => {
    const res = await fetch(`${mock.url}/serverless/v1/tokenize`, {
      method: "POST",
      headers: { authorization: "Bearer t", "content-type": "application/json" },
      body: JSON.stringify({ model: "m", prompt: "hi", stream: true }),
    });
    await res.text();
    expect(mock.calls.at(-1)).toMatchObject({ stream: false });
  });
});
