// The scripted faults every way into the mock must play the same: the server (a socket that
// stalls, is cut or reset) and the in-process fetch (a body stream that does the same). One
// case list, run by test/contract/reply-faults.test.ts and test/unit/mock-fetch.test.ts, each
// case driven by this SDK's client and by openai-node 6, as a user's resilience test is. No case
// waits on a timer of its own against the network: a client's own timeout or idle timeout
// fires against a mock that never answers, or a lower bound on the time an answer took is
// read after it arrived.
import {
  APIConnectionError,
  APITimeoutError,
  createFriendliClient,
  type FriendliClient,
  RateLimitError,
  StreamEventError,
  StreamInterruptedError,
  StreamParseError,
} from "@friendli-ts/client";
import OpenAI from "openai6";
import { beforeEach, describe, expect, it } from "vitest";
import { type MockControls, MockReplyError, type RecordedCall } from "../../dist/index.js";

/** The mock under test: its base URL, what it recorded, and its `fetch` when it has no socket. */
export interface FaultCaseMock extends Pick<MockControls, "respond" | "pendingReplies" | "reset"> {
  url: string;
  calls: (RecordedCall & { fault?: string })[];
  fetch?: typeof fetch;
}

const TOKEN = "scripted-faults-token";
const messages = [{ role: "user" as const, content: "Hi" }];

const chunk = (content: string) => ({
  data: {
    id: "c1",
    object: "chat.completion.chunk" as const,
    created: 1,
    model: "m",
    choices: [{ index: 0, delta: { content }, finish_reason: null }],
  },
});
const words = ["one ", "two ", "three ", "four"].map(chunk);
type Word = (typeof words)[0];
const word = (i: number) => words[i] as Word;
const wordsThenDone = [...words, { data: "[DONE]" as const }];

/** A chat completion answering `content`. */
export const chatAnswer = (content: string) => ({
  id: "c1",
  object: "chat.completion" as const,
  created: 1,
  model: "m",
  choices: [{ index: 0, finish_reason: "stop" as const, message: { role: "assistant" as const, content } }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
});

/** Reads a chat stream of this SDK's `client` to its end or its error: the text, and what ended it. */
export async function readChatStream(client: FriendliClient) {
  let text = "";
  try {
    const stream = await client.stream("/serverless/v1/chat/completions#stream", {
      body: { model: "m", messages, stream: true },
    });
    for await (const event of stream) text += event.data.choices[0]?.delta.content ?? "";
    return { text, error: undefined };
  } catch (error) {
    return { text, error };
  }
}

/** Registers the cases against the mock `mode` names; `mock` is read in each test. */
export function scriptedFaultCases(mode: string, mock: () => FaultCaseMock): void {
  // Through the mock's fetch when it has one (exactOptionalPropertyTypes: no `fetch: undefined`).
  const via = () => {
    const { fetch } = mock();
    return fetch === undefined ? {} : { fetch };
  };
  const client = (options: { maxRetries?: number; timeout?: number; idleTimeout?: number } = {}) =>
    createFriendliClient({ baseURL: mock().url, token: TOKEN, maxRetries: 0, ...via(), ...options });
  const openai = (options: { maxRetries?: number; timeout?: number; logger?: OpenAI["logger"] } = {}) =>
    new OpenAI({ apiKey: TOKEN, baseURL: `${mock().url}/serverless/v1`, maxRetries: 0, ...via(), ...options });
  const complete = (options: Parameters<typeof client>[0] = {}) =>
    client(options).POST("/serverless/v1/chat/completions", { body: { model: "m", messages } });
  const lastCall = () => mock().calls.at(-1);
  const callsSince = (before: number) => mock().calls.slice(before);

  const readSdkStream = (options: Parameters<typeof client>[0] = {}) => readChatStream(client(options));

  async function readOpenAiStream(api = openai()) {
    let text = "";
    try {
      const stream = await api.chat.completions.create({ model: "m", messages, stream: true });
      for await (const c of stream) text += c.choices[0]?.delta.content ?? "";
      return { text, error: undefined };
    } catch (error) {
      return { text, error };
    }
  }

  describe(`scripted faults, ${mode}`, () => {
    beforeEach(() => mock().reset());

    describe("time: a delay before the headers, and between events", () => {
      it("delayMs holds the answer back: it arrives no sooner", async () => {
        mock().respond("serverlessChatComplete", { body: chatAnswer("late"), delayMs: 500 });
        const started = performance.now();
        const { data } = await complete();
        expect(data.choices[0]?.message.content).toBe("late");
        expect(performance.now() - started).toBeGreaterThanOrEqual(490);
      });

      it("a delay past the client's timeout is a timeout in both clients; the next call is answered at once", async () => {
        mock().respond("serverlessChatComplete", { body: chatAnswer("never read"), delayMs: 600_000 }, { times: 2 });
        expect(await complete({ timeout: 200 }).catch((e: unknown) => e)).toBeInstanceOf(APITimeoutError);
        const node = await openai({ timeout: 200 })
          .chat.completions.create({ model: "m", messages })
          .catch((e: unknown) => e);
        expect(node).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
        // The abandoned calls hold nothing up: their timers ended with them.
        mock().respond("serverlessChatComplete", { body: chatAnswer("next") });
        const { data } = await complete();
        expect(data.choices[0]?.message.content).toBe("next");
      });

      it("eventDelayMs spaces the events: each arrives no sooner than the delay after the one before", async () => {
        mock().respond("serverlessChatStream", { events: wordsThenDone, eventDelayMs: 120 });
        const start = performance.now();
        const stream = await openai().chat.completions.create({ model: "m", messages, stream: true });
        const at: number[] = [];
        for await (const _ of stream) at.push(performance.now());
        expect(at).toHaveLength(4);
        // From the request, not between arrivals: a busy client may read one event late and the
        // next on time, but none can arrive before the mock has waited for it and each before it.
        for (let i = 0; i < at.length; i++) {
          expect((at[i] as number) - start).toBeGreaterThanOrEqual((i + 1) * 120 - 10);
        }
      });
    });

    describe("faults in a stream", () => {
      it("stallAfter: the events before it arrive, then nothing; the SDK's idle timeout ends the stream", async () => {
        mock().respond("serverlessChatStream", { events: wordsThenDone, stallAfter: 2 });
        const { text, error } = await readSdkStream({ idleTimeout: 300 });
        expect(text).toBe("one two ");
        expect(error).toBeInstanceOf(APITimeoutError);
        expect((error as Error).message).toContain("sent nothing for 300 ms");
        expect(lastCall()).toMatchObject({ operationId: "serverlessChatStream", status: 200, fault: "stall" });
      });

      it("cutAfter: the connection breaks mid-stream; the SDK says the stream was cut, openai-node fails", async () => {
        mock().respond("serverlessChatStream", { events: wordsThenDone, cutAfter: 3 });
        const { text, error } = await readSdkStream();
        expect(text).toBe("one two three ");
        expect(error).toBeInstanceOf(StreamInterruptedError);
        // Cut, not ended early: the connection broke, it did not close cleanly without [DONE].
        expect((error as Error).message).toBe("the stream was cut before it finished");
        expect(lastCall()).toMatchObject({ status: 200, fault: "cut" });
        mock().respond("serverlessChatStream", { events: wordsThenDone, cutAfter: 2 });
        const node = await readOpenAiStream();
        expect(node.text).toBe("one two ");
        expect(node.error).toBeInstanceOf(Error);
      });

      it("an event whose data is not JSON: the SDK's StreamParseError, after the events before it", async () => {
        mock().respond(
          "serverlessChatStream",
          { events: [word(0), { rawData: "{not json" }, { data: "[DONE]" }] },
          {
            times: 2,
          },
        );
        const { text, error } = await readSdkStream();
        expect(text).toBe("one ");
        expect(error).toBeInstanceOf(StreamParseError);
        expect((error as StreamParseError).data).toBe("{not json");
        // openai-node logs the data it could not parse, then throws the SyntaxError.
        const logged: unknown[] = [];
        const quiet = () => {};
        const logger = { error: (...args: unknown[]) => logged.push(...args), warn: quiet, info: quiet, debug: quiet };
        const node = await readOpenAiStream(openai({ logger }));
        expect(node.text).toBe("one ");
        expect(node.error).toBeInstanceOf(SyntaxError);
        expect(logged).toContain("{not json");
      });

      it("an error event in the middle: the SDK's StreamEventError and openai-node's APIError carry its message", async () => {
        const events = [word(0), { error: { message: "overloaded", type: "server_error" } }, word(1)];
        mock().respond("serverlessChatStream", { events }, { times: 2 });
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
        mock().respond("serverlessChatComplete", { reset: true });
        mock().respond("serverlessChatComplete", { body: chatAnswer("after the reset") });
        const before = mock().calls.length;
        const { data } = await complete({ maxRetries: 1 });
        expect(data.choices[0]?.message.content).toBe("after the reset");
        expect(callsSince(before).map((c) => [c.status, c.fault])).toEqual([
          [0, "reset"],
          [200, undefined],
        ]);
      });

      it("reset without a retry: a connection error in the SDK and in openai-node, on a stream request too", async () => {
        mock().respond("serverlessChatComplete", { reset: true }, { times: 2 });
        expect(await complete().catch((e: unknown) => e)).toBeInstanceOf(APIConnectionError);
        const node = await openai()
          .chat.completions.create({ model: "m", messages })
          .catch((e: unknown) => e);
        expect(node).toBeInstanceOf(OpenAI.APIConnectionError);
        mock().respond("serverlessChatStream", { reset: true });
        expect((await readSdkStream()).error).toBeInstanceOf(APIConnectionError);
      });

      it("429 with Retry-After, then 200: both clients wait as told and read the answer; without a retry, a RateLimitError", async () => {
        const limited = { status: 429, body: { detail: "slow down" }, headers: { "retry-after-ms": "250" } };
        mock().respond("serverlessChatComplete", limited);
        mock().respond("serverlessChatComplete", { body: chatAnswer("sdk") });
        mock().respond("serverlessChatComplete", limited);
        mock().respond("serverlessChatComplete", { body: chatAnswer("openai-node") });
        const before = mock().calls.length;
        let started = performance.now();
        const { data } = await complete({ maxRetries: 1 });
        expect(data.choices[0]?.message.content).toBe("sdk");
        expect(performance.now() - started).toBeGreaterThanOrEqual(240);
        started = performance.now();
        const node = await openai({ maxRetries: 1 }).chat.completions.create({ model: "m", messages });
        expect(node.choices[0]?.message.content).toBe("openai-node");
        expect(performance.now() - started).toBeGreaterThanOrEqual(240);
        expect(callsSince(before).map((c) => c.status)).toEqual([429, 200, 429, 200]);
        mock().respond("serverlessChatComplete", limited);
        expect(await complete().catch((e: unknown) => e)).toBeInstanceOf(RateLimitError);
      });

      it("a 429, a reset, then 200: the SDK retries both and reads the answer", async () => {
        const limited = { status: 429, body: { detail: "slow down" }, headers: { "retry-after-ms": "20" } };
        mock().respond("serverlessChatComplete", limited);
        mock().respond("serverlessChatComplete", { reset: true });
        mock().respond("serverlessChatComplete", { body: chatAnswer("after both") });
        const { data } = await complete({ maxRetries: 2 });
        expect(data.choices[0]?.message.content).toBe("after both");
        expect(
          mock()
            .calls.slice(-3)
            .map((c) => c.fault ?? c.status),
        ).toEqual([429, "reset", 200]);
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
      const respond =
        (...args: Parameters<FaultCaseMock["respond"]>) =>
        () =>
          mock().respond(...args);

      it("refuses a fault that cannot be played, naming it; nothing is queued", () => {
        expect(refusal(respond("serverlessChatStream", { events: wordsThenDone, stallAfter: 6 }))).toBe(
          "serverlessChatStream 200: / `stallAfter` must be a whole number from 0 to 5, not 6",
        );
        expect(
          refusal(respond("serverlessChatStream", { events: wordsThenDone, stallAfter: 1, cutAfter: 2 })),
        ).toContain("not both");
        expect(refusal(respond("serverlessChatComplete", { body: chatAnswer("x"), stallAfter: 1 } as never))).toContain(
          "`stallAfter` counts events",
        );
        expect(refusal(respond("serverlessChatComplete", { body: chatAnswer("x"), delayMs: -1 }))).toContain(
          "`delayMs` must be a whole number from 0 to 600000",
        );
        expect(refusal(respond("serverlessChatComplete", { reset: true, body: chatAnswer("x") } as never))).toContain(
          "a `reset` sends nothing",
        );
        expect(mock().pendingReplies()).toEqual([]);
      });

      it("events beside the faults and scripted bodies are still checked against the spec; raw data must be text", () => {
        expect(
          refusal(respond("serverlessChatStream", { events: [{ data: { nonsense: true } } as never], cutAfter: 1 })),
        ).toMatch(/^serverlessChatStream 200 event 0: /);
        expect(refusal(respond("serverlessChatStream", { events: [{ rawData: 42 } as never] }))).toBe(
          "serverlessChatStream 200 event 0: /rawData must be a string",
        );
        const badChoice = { ...chatAnswer("x"), choices: [{ index: 0, finish_reason: "nope" }] };
        expect(refusal(respond("serverlessChatComplete", { body: badChoice } as never))).toMatch(
          /^serverlessChatComplete 200: /,
        );
      });
    });
  });
}
