// Time and faults in scripted replies, driven by this SDK's client and by openai-node 6: what a
// user's resilience test does. No test waits on a timer of its own against the network: a
// client's own timeout or idle timeout fires against a mock that never answers, or a lower
// bound on the time an answer took is read after it arrived.
import {
  APIConnectionError,
  APITimeoutError,
  createFriendliClient,
  RateLimitError,
  StreamEventError,
  StreamInterruptedError,
  StreamParseError,
} from "@friendli-ts/client";
import OpenAI from "openai6";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
// The built entry, as a user installs it (its specs are the copies shipped in dist/).
import { MockReplyError, type MockServer, startMockServer } from "../../dist/index.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock?.stop());
beforeEach(() => mock.reset());
// The first call pays for the mock server's warm-up; the timing tests below must not.
beforeAll(async () => {
  await fetch(`${mock.url}/serverless/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: "Bearer t", "content-type": "application/json" },
    body: JSON.stringify({ model: "m", messages: [{ role: "user", content: "warm up" }] }),
  });
});

const messages = [{ role: "user" as const, content: "Hi" }];
const client = (options: { maxRetries?: number; timeout?: number; idleTimeout?: number } = {}) =>
  createFriendliClient({ baseURL: mock.url, token: "test", maxRetries: 0, ...options });
const openai = (maxRetries = 0) => new OpenAI({ apiKey: "test", baseURL: `${mock.url}/serverless/v1`, maxRetries });

const chunk = (content: string) => ({
  id: "c1",
  object: "chat.completion.chunk" as const,
  created: 1,
  model: "m",
  choices: [{ index: 0, delta: { content }, finish_reason: null }],
});
const words = ["one ", "two ", "three ", "four"].map((w) => ({ data: chunk(w) }));
const answer = (content: string) => ({
  id: "c1",
  object: "chat.completion" as const,
  created: 1,
  model: "m",
  choices: [{ index: 0, finish_reason: "stop" as const, message: { role: "assistant" as const, content } }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
});

/** Reads a stream of this SDK to its end or its error: the text, and what ended it. */
async function readSdkStream(options: Parameters<typeof client>[0] = {}) {
  let text = "";
  try {
    const stream = await client(options).stream("/serverless/v1/chat/completions#stream", {
      body: { model: "m", messages, stream: true },
    });
    for await (const event of stream) {
      text += event.data.choices[0]?.delta.content ?? "";
    }
    return { text, error: undefined };
  } catch (error) {
    return { text, error };
  }
}

async function readOpenAiStream(api = openai(), signal?: AbortSignal) {
  let text = "";
  try {
    const stream = await api.chat.completions.create({ model: "m", messages, stream: true }, { signal });
    for await (const c of stream) text += c.choices[0]?.delta.content ?? "";
    return { text, error: undefined };
  } catch (error) {
    return { text, error };
  }
}

const lastCall = () => mock.calls.at(-1);

describe("time: a delay before the headers, and between events", () => {
  it("delayMs holds the answer back: it arrives no sooner", async () => {
    mock.respond("serverlessChatComplete", { body: answer("late"), delayMs: 1_000 });
    const started = performance.now();
    const { data } = await client().POST("/serverless/v1/chat/completions", { body: { model: "m", messages } });
    expect(data.choices[0]?.message.content).toBe("late");
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
  });

  it("a delay longer than the client's timeout is an APITimeoutError; the mock's timer ends with the connection", async () => {
    mock.respond("serverlessChatComplete", { body: answer("never read"), delayMs: 600_000 });
    const error = await client({ timeout: 200 })
      .POST("/serverless/v1/chat/completions", { body: { model: "m", messages } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
    mock.respond("serverlessChatComplete", { body: answer("never read"), delayMs: 600_000 });
    const node = await new OpenAI({
      apiKey: "test",
      baseURL: `${mock.url}/serverless/v1`,
      maxRetries: 0,
      timeout: 200,
    }).chat.completions
      .create({ model: "m", messages })
      .catch((e: unknown) => e);
    expect(node).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    // The next call is answered at once: the abandoned one holds nothing up.
    mock.respond("serverlessChatComplete", { body: answer("next") });
    const { data } = await client().POST("/serverless/v1/chat/completions", { body: { model: "m", messages } });
    expect(data.choices[0]?.message.content).toBe("next");
  });

  it("eventDelayMs spaces the events: each arrives no sooner than the delay after the one before", async () => {
    mock.respond("serverlessChatStream", { events: [...words, { data: "[DONE]" }], eventDelayMs: 120 });
    const stream = await openai().chat.completions.create({ model: "m", messages, stream: true });
    const at: number[] = [];
    for await (const _ of stream) at.push(performance.now());
    expect(at).toHaveLength(4);
    for (let i = 1; i < at.length; i++) expect((at[i] as number) - (at[i - 1] as number)).toBeGreaterThanOrEqual(110);
  });
});

describe("faults in a stream", () => {
  it("stallAfter: the events before it arrive, then nothing; the SDK's idle timeout ends the stream", async () => {
    mock.respond("serverlessChatStream", { events: [...words, { data: "[DONE]" }], stallAfter: 2 });
    const { text, error } = await readSdkStream({ idleTimeout: 300 });
    expect(text).toBe("one two ");
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as Error).message).toContain("sent nothing for 300 ms");
    expect(lastCall()).toMatchObject({ operationId: "serverlessChatStream", status: 200, fault: "stall" });
  });

  it("cutAfter: the connection is destroyed mid-stream; the SDK says the stream was cut", async () => {
    mock.respond("serverlessChatStream", { events: [...words, { data: "[DONE]" }], cutAfter: 3 });
    const { text, error } = await readSdkStream();
    expect(text).toBe("one two three ");
    expect(error).toBeInstanceOf(StreamInterruptedError);
    // Cut, not ended early: the connection broke, it did not close cleanly without [DONE].
    expect((error as Error).message).toBe("the stream was cut before it finished");
    expect(lastCall()).toMatchObject({ status: 200, fault: "cut" });
  });

  it("cutAfter: openai-node fails the stream after the events sent", async () => {
    mock.respond("serverlessChatStream", { events: [...words, { data: "[DONE]" }], cutAfter: 2 });
    const { text, error } = await readOpenAiStream();
    expect(text).toBe("one two ");
    expect(error).toBeInstanceOf(Error);
  });

  it("an event whose data is not JSON: the SDK's StreamParseError, after the events before it", async () => {
    mock.respond(
      "serverlessChatStream",
      { events: [words[0] as (typeof words)[0], { rawData: "{not json" }, { data: "[DONE]" }] },
      { times: 2 },
    );
    const { text, error } = await readSdkStream();
    expect(text).toBe("one ");
    expect(error).toBeInstanceOf(StreamParseError);
    expect((error as StreamParseError).data).toBe("{not json");
    // openai-node logs the data it could not parse, then throws the SyntaxError.
    const logged: unknown[] = [];
    const quiet = () => {};
    const logger = { error: (...args: unknown[]) => logged.push(...args), warn: quiet, info: quiet, debug: quiet };
    const api = new OpenAI({ apiKey: "test", baseURL: `${mock.url}/serverless/v1`, maxRetries: 0, logger });
    const node = await readOpenAiStream(api);
    expect(node.text).toBe("one ");
    expect(node.error).toBeInstanceOf(SyntaxError);
    expect(logged).toContain("{not json");
  });

  it("an error event in the middle: the SDK's StreamEventError and openai-node's APIError carry its message", async () => {
    const events = [
      words[0] as (typeof words)[0],
      { error: { message: "overloaded", type: "server_error" } },
      words[1] as (typeof words)[0],
    ];
    mock.respond("serverlessChatStream", { events }, { times: 2 });
    const sdk = await readSdkStream();
    expect(sdk.text).toBe("one ");
    expect(sdk.error).toBeInstanceOf(StreamEventError);
    expect((sdk.error as Error).message).toContain("overloaded");
    const node = await readOpenAiStream();
    expect(node.text).toBe("one ");
    expect(node.error).toBeInstanceOf(OpenAI.APIError);
    expect((node.error as Error).message).toContain("overloaded");
  });
});

describe("faults before any answer, and a status sequence", () => {
  it("reset: the connection is reset with no answer; the SDK retries and reads the next answer", async () => {
    mock.respond("serverlessChatComplete", { reset: true });
    mock.respond("serverlessChatComplete", { body: answer("after the reset") });
    const before = mock.calls.length;
    const { data } = await client({ maxRetries: 1 }).POST("/serverless/v1/chat/completions", {
      body: { model: "m", messages },
    });
    expect(data.choices[0]?.message.content).toBe("after the reset");
    expect(mock.calls.slice(before).map((c) => [c.status, c.fault])).toEqual([
      [0, "reset"],
      [200, undefined],
    ]);
  });

  it("reset without a retry: a connection error in the SDK and in openai-node, on a stream request too", async () => {
    mock.respond("serverlessChatComplete", { reset: true }, { times: 2 });
    const sdk = await client()
      .POST("/serverless/v1/chat/completions", { body: { model: "m", messages } })
      .catch((e: unknown) => e);
    expect(sdk).toBeInstanceOf(APIConnectionError);
    const node = await openai()
      .chat.completions.create({ model: "m", messages })
      .catch((e: unknown) => e);
    expect(node).toBeInstanceOf(OpenAI.APIConnectionError);
    mock.respond("serverlessChatStream", { reset: true });
    expect((await readSdkStream()).error).toBeInstanceOf(APIConnectionError);
  });

  it("a status sequence: 429 with Retry-After, then 200; both clients wait as told, then read the answer", async () => {
    const limited = { status: 429, body: { detail: "slow down" }, headers: { "retry-after-ms": "250" } };
    mock.respond("serverlessChatComplete", limited);
    mock.respond("serverlessChatComplete", { body: answer("sdk") });
    mock.respond("serverlessChatComplete", limited);
    mock.respond("serverlessChatComplete", { body: answer("openai-node") });
    const before = mock.calls.length;
    let started = performance.now();
    const { data } = await client({ maxRetries: 1 }).POST("/serverless/v1/chat/completions", {
      body: { model: "m", messages },
    });
    expect(data.choices[0]?.message.content).toBe("sdk");
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    started = performance.now();
    const node = await openai(1).chat.completions.create({ model: "m", messages });
    expect(node.choices[0]?.message.content).toBe("openai-node");
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    expect(mock.calls.slice(before).map((c) => c.status)).toEqual([429, 200, 429, 200]);
    // Without a retry, the 429 is the SDK's RateLimitError.
    mock.respond("serverlessChatComplete", limited);
    const error = await client()
      .POST("/serverless/v1/chat/completions", { body: { model: "m", messages } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
  });
});

describe("faults are checked at respond", () => {
  const refusal = (run: () => void) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(MockReplyError);
      return (error as MockReplyError).message;
    }
    throw new Error("respond accepted it");
  };
  const events = [...words, { data: "[DONE]" as const }];

  it("refuses a fault that cannot be played, naming it; nothing is queued", () => {
    expect(refusal(() => mock.respond("serverlessChatStream", { events, stallAfter: 6 }))).toBe(
      "serverlessChatStream 200: / `stallAfter` must be a whole number from 0 to 5, not 6",
    );
    expect(refusal(() => mock.respond("serverlessChatStream", { events, stallAfter: 1, cutAfter: 2 }))).toContain(
      "not both",
    );
    expect(
      refusal(() => mock.respond("serverlessChatComplete", { body: answer("x"), stallAfter: 1 } as never)),
    ).toContain("`stallAfter` counts events");
    expect(refusal(() => mock.respond("serverlessChatComplete", { body: answer("x"), delayMs: -1 }))).toContain(
      "`delayMs` must be a whole number from 0 to 600000",
    );
    expect(
      refusal(() => mock.respond("serverlessChatComplete", { reset: true, body: answer("x") } as never)),
    ).toContain("a `reset` sends nothing");
    expect(mock.pendingReplies()).toEqual([]);
  });

  it("events beside the faults are still checked against the spec; raw data must be text", () => {
    expect(
      refusal(() =>
        mock.respond("serverlessChatStream", { events: [{ data: { nonsense: true } } as never], cutAfter: 1 }),
      ),
    ).toMatch(/^serverlessChatStream 200 event 0: /);
    expect(refusal(() => mock.respond("serverlessChatStream", { events: [{ rawData: 42 } as never] }))).toBe(
      "serverlessChatStream 200 event 0: /rawData must be a string",
    );
  });
});
