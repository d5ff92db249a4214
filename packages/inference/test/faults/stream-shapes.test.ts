import { StreamParseError } from "@friendli-ts/client";
import { startFaultServer } from "@friendli-ts/test-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatSnapshots, createFriendliInference, type FriendliInference, rebuildStream } from "../../src/index.ts";
import { chunk, sse } from "../support/sse.ts";

// One server for the file: each request is answered with the body the test queued for it.
let server: Awaited<ReturnType<typeof startFaultServer>>;
let inference: FriendliInference;
const bodies: string[] = [];
beforeAll(async () => {
  server = await startFaultServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.end(bodies.shift() ?? "");
  });
  inference = createFriendliInference({ baseURL: server.url, token: "test-token", maxRetries: 0 });
});
afterAll(() => server.stop());

const messages = [{ role: "user" as const, content: "Hi" }];
const done = "data: [DONE]\n\n";

type Opened = {
  textDeltas(): AsyncIterable<unknown>;
  reasoningDeltas(): AsyncIterable<unknown>;
  finalResult(): Promise<unknown>;
};
type Helper = (stream: Opened) => Promise<unknown>;
const drain = async (items: AsyncIterable<unknown>) => {
  for await (const _ of items);
};
const helpers: [string, Helper][] = [
  ["textDeltas", (s) => drain(s.textDeltas())],
  ["reasoningDeltas", (s) => drain(s.reasoningDeltas())],
  ["finalResult", (s) => s.finalResult()],
];

/** Each helper of a stream whose body holds `event` rejects with StreamParseError naming `field`. */
async function expectEachHelperRefuses(open: () => Promise<Opened>, body: string, field: RegExp) {
  for (const [name, helper] of helpers) {
    bodies.push(body);
    const error = await helper(await open()).catch((e: unknown) => e);
    expect(error, name).toBeInstanceOf(StreamParseError);
    expect((error as Error).message, name).toMatch(field);
  }
}

const choice = (fields: Record<string, unknown>) => ({ ...chunk({}), choices: [{ index: 0, delta: {}, ...fields }] });

describe("a chat chunk of the wrong shape is a StreamParseError from every helper, never a TypeError", () => {
  it.each([
    ["choices is not a list", { ...chunk({}), choices: "x" }, /choices/],
    ["choices is an object", { ...chunk({}), choices: { 0: {} } }, /choices/],
    ["a choice is null", { ...chunk({}), choices: [null] }, /choices\[0\]/],
    ["a choice is a number", { ...chunk({}), choices: [5] }, /choices\[0\]/],
    ["a delta is a string", choice({ delta: "hi" }), /choices\[0\]\.delta/],
    ["a delta is a list", choice({ delta: ["hi"] }), /choices\[0\]\.delta/],
    ["content is a number", chunk({ content: 5 }), /delta\.content/],
    ["content is an object", chunk({ content: { text: "x" } }), /delta\.content/],
    ["reasoning is a number", chunk({ reasoning_content: 1 }), /delta\.reasoning_content/],
    ["an index is text", choice({ index: "0" }), /choices\[0\]\.index/],
    ["tool_calls is an object", chunk({ tool_calls: { index: 0 } }), /tool_calls/],
    ["a tool call is null", chunk({ tool_calls: [null] }), /tool_calls\[0\]/],
    ["a tool call's function is text", chunk({ tool_calls: [{ index: 0, function: "f" }] }), /function/],
    ["arguments are a number", chunk({ tool_calls: [{ index: 0, function: { arguments: 1 } }] }), /arguments/],
    ["logprobs content is a number", choice({ logprobs: { content: 3 } }), /logprobs/],
    ["usage is a number", { ...chunk({ content: "a" }), usage: 7 }, /usage/],
  ])("%s", async (_what, event, field) => {
    const body = sse(chunk({ content: "fine" })) + sse(event) + done;
    await expectEachHelperRefuses(() => inference.serverless.chat.stream({ model: "m", messages }), body, field);
    bodies.push(body);
    const snapshots = drain(chatSnapshots(await inference.serverless.chat.stream({ model: "m", messages })));
    await expect(snapshots).rejects.toBeInstanceOf(StreamParseError);
  });

  it("null fields read as absent, as they did", async () => {
    const nulls = {
      ...chunk({}),
      usage: null,
      choices: [{ index: 0, delta: null, finish_reason: null, logprobs: null }],
    };
    bodies.push(sse(chunk({ content: "Hi", tool_calls: null, reasoning_content: null })) + sse(nulls) + done);
    const final = await (await inference.serverless.chat.stream({ model: "m", messages })).finalResult();
    expect(final.choices[0]?.message.content).toBe("Hi");
  });
});

describe("the other families' events of the wrong shape", () => {
  it.each([
    ["the data is a list", sse([1])],
    ["a delta is a number", sse({ type: "response.output_text.delta", delta: 5 })],
    ["the final response is text", sse({ type: "response.completed", response: "done" })],
  ])("responses: %s", async (_what, event) => {
    await expectEachHelperRefuses(
      () => inference.dedicated.responses.stream({ model: "ep", input: "Hi" }),
      event,
      /responses stream/,
    );
  });

  const start = sse({ type: "message_start", message: { id: "m", type: "message", role: "assistant", content: [] } });
  it.each([
    ["a delta is null", sse({ type: "content_block_delta", index: 0, delta: null })],
    ["a delta is text", sse({ type: "content_block_delta", index: 0, delta: "x" })],
    [
      "a text delta's text is a number",
      sse({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text: 1 } }),
    ],
    ["a block start has no block", sse({ type: "content_block_start", index: 0 })],
    ["message_start has no message", sse({ type: "message_start" })],
    ["message_delta's delta is a number", sse({ type: "message_delta", delta: 1 })],
    ["usage tokens are text", sse({ type: "message_delta", delta: {}, usage: { output_tokens: "9" } })],
  ])("messages: %s", async (_what, event) => {
    const body = start + event + sse({ type: "message_stop" }, "message_stop");
    await expectEachHelperRefuses(
      () => inference.container.messages.stream({ max_tokens: 8, messages }),
      body,
      /messages stream/,
    );
  });

  it.each([
    ["a delta is a number", sse({ type: "transcript.text.delta", delta: 5 })],
    ["the done text is an object", sse({ type: "transcript.text.done", text: {} })],
  ])("transcriptions: %s", async (_what, event) => {
    await expectEachHelperRefuses(
      () => inference.serverless.audio.transcriptions.stream({ model: "w", file: new Uint8Array([1]) }),
      event + done,
      /transcription stream/,
    );
  });

  it.each([
    ["a token's choices are text", sse({ ...chunk({}), choices: "x" })],
    ["a status is a list", sse(["still running"], "tool_status")],
  ])("tool-assisted chat: %s", async (_what, event) => {
    await expectEachHelperRefuses(
      () => inference.serverless.toolAssistedChat.stream({ model: "m", messages }),
      event + done,
      /tool-assisted chat stream/,
    );
  });

  it.each([
    ["a choice is null", sse({ id: "c", choices: [null] })],
    ["a text is a number", sse({ id: "c", choices: [{ index: 0, text: 5 }] })],
  ])("completions: %s", async (_what, event) => {
    await expectEachHelperRefuses(
      () => inference.dedicated.completions.stream({ model: "ep", prompt: "x" }),
      event + done,
      /completions stream/,
    );
  });
});

describe("a rebuilt stream of the wrong shape", () => {
  const bytes = (text: string) => new Blob([text]).stream();

  it("a line that is not JSON is a StreamParseError", async () => {
    const stream = rebuildStream("chat", bytes('{"choices":[]}\n{not json\n'));
    await expect(stream.finalResult()).rejects.toBeInstanceOf(StreamParseError);
  });

  it.each(["null", "5", '"text"', "[]"])("an item that is %s is a StreamParseError", async (line) => {
    for (const name of [
      "chat",
      "completions",
      "responses",
      "messages",
      "transcriptions",
      "toolAssistedChat",
    ] as const) {
      await expect(rebuildStream(name, bytes(`${line}\n`)).finalText(), name).rejects.toBeInstanceOf(StreamParseError);
      await expect(rebuildStream(name, bytes(`${line}\n`)).finalResult(), name).rejects.toBeInstanceOf(
        StreamParseError,
      );
    }
  });
});
