import { InvalidResponseError, StreamParseError } from "@friendli-ts/client";
import { everythingAnErrorShows, findSecret, serveFaults, tokenEchoForms } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createFriendliInference, functionTool, StructuredOutputError, ToolLoopLimitError } from "../../src/index.ts";
import { completionFor, sseFor, type Turn } from "../support/chat-server.ts";
import { chunk, sse } from "../support/sse.ts";

// Random enough that no eight of its characters in a row appear anywhere by chance.
const TOKEN = "Tk_8FqZ2LmX9pRw7VnK3sYd";
const serve = serveFaults();
const messages = [{ role: "user" as const, content: "Hi" }];

/** A server whose answer quotes the token it was sent: `answer(token)` is the body. */
async function echoing(
  contentType: string,
  answer: (token: string) => string,
  token: string | (() => Promise<string>) = TOKEN,
) {
  const server = await serve((req, res) => {
    const token = req.headers.authorization?.replace(/^Bearer /, "");
    // Without the token to echo, a refusal: the test then fails on the error's class.
    if (!token) return void res.writeHead(400).end();
    res.writeHead(200, { "content-type": contentType }).end(answer(token));
  });
  return createFriendliInference({ baseURL: server.url, token, maxRetries: 0 });
}

function expectNoToken(error: unknown, where: string) {
  const leak = findSecret(everythingAnErrorShows(error), TOKEN);
  expect(leak, `${where}: the token shows in\n${leak}`).toBeUndefined();
}

const Weather = z.object({ city: z.string(), celsius: z.number() });

/** A messages stream whose one tool call's JSON is `partialJson`. */
const toolCallJsonStream = (partialJson: string) =>
  [
    sse({ type: "message_start", message: { id: "m", type: "message", role: "assistant", content: [] } }),
    sse({ type: "content_block_start", index: 0, content_block: { type: "tool_use", id: "t", name: "f", input: {} } }),
    sse({ type: "content_block_delta", index: 0, delta: { type: "input_json_delta", partial_json: partialJson } }),
    sse({ type: "content_block_stop", index: 0 }),
    sse({ type: "message_stop" }, "message_stop"),
  ].join("");

/** A chat stream whose one chunk has a delta content of the wrong shape (an object). */
const wrongShapeChunk = (content: object) => sse(chunk({ content }));

/** What reading a chat stream's `read` deltas to the end throws. */
async function deltasError(
  inference: ReturnType<typeof createFriendliInference>,
  read: "textDeltas" | "reasoningDeltas",
) {
  const stream = await inference.serverless.chat.stream({ model: "m", messages });
  return (async () => {
    for await (const _ of stream[read]());
  })().catch((e: unknown) => e);
}

describe("helper errors built from the answer carry no token", () => {
  const outputs: [string, (token: string) => ReturnType<typeof completionFor>][] = [
    ["output that is not JSON", (token) => completionFor({ content: `Sure, ${token}: {"city"` })],
    [
      "output that breaks the schema",
      (token) => completionFor({ content: JSON.stringify({ city: 1, celsius: token }) }),
    ],
    ["output cut at the token limit", (token) => completionFor({ content: `{"city":"${token}`, finish: "length" })],
  ];

  // A fixed token is the client's; a token function's is recorded with each result.
  const tokens = [
    ["a fixed token", TOKEN],
    ["a token function", async () => TOKEN],
  ] as const;
  const parseCases = tokens.flatMap(([kind, token]) =>
    outputs.map(([what, result]) => [what, kind, token, result] as const),
  );

  it.each(parseCases)("chat.parse: %s, %s", async (where, _kind, token, result) => {
    const inference = await echoing("application/json", (sent) => JSON.stringify(result(sent)), token);
    const error = await inference.serverless.chat.parse({ model: "m", messages }, Weather).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StructuredOutputError);
    expect((error as StructuredOutputError).output).toContain("[redacted]");
    expectNoToken(error, where);
  });

  it("messages stream: a tool call's JSON that does not parse, the token at every cut offset", async () => {
    let offset = 0;
    // Not JSON from its first character, so JSON.parse's own message quotes the start too.
    const inference = await echoing("text/event-stream", (token) =>
      toolCallJsonStream(`${"x".repeat(offset)}${token} and more`),
    );
    // StreamParseError.data keeps 200 characters.
    const offsets = [0, 1, 2, 3, ...Array.from({ length: TOKEN.length + 4 }, (_, i) => 200 - TOKEN.length - 2 + i)];
    for (offset of offsets) {
      const stream = await inference.serverless.messages.stream({ model: "m", max_tokens: 8, messages });
      const error = await stream.finalResult().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StreamParseError);
      expectNoToken(error, `token at ${offset}`);
    }
  });

  it.each(tokenEchoForms)("chat.parse and a tool call's JSON, the token echoed %s", async (form, spell) => {
    const parsing = await echoing("application/json", (sent) =>
      JSON.stringify(completionFor({ content: `Sure, ${spell(sent)}: {"city"` })),
    );
    const parseError = await parsing.serverless.chat.parse({ model: "m", messages }, Weather).catch((e: unknown) => e);
    expect(parseError).toBeInstanceOf(StructuredOutputError);
    expectNoToken(parseError, `chat.parse, ${form}`);
    const streaming = await echoing("text/event-stream", (sent) => toolCallJsonStream(`${spell(sent)}"]`));
    const stream = await streaming.serverless.messages.stream({ model: "m", max_tokens: 8, messages });
    const streamError = await stream.finalResult().catch((e: unknown) => e);
    expect(streamError).toBeInstanceOf(StreamParseError);
    expectNoToken(streamError, `a tool call's JSON, ${form}`);
  });

  it("the same through a tee'd branch, which keeps the stream's secret", async () => {
    const inference = await echoing("text/event-stream", toolCallJsonStream);
    const [first, second] = (await inference.serverless.messages.stream({ model: "m", max_tokens: 8, messages })).tee();
    const errors = await Promise.all([first.finalResult(), second.finalResult()].map((p) => p.catch((e) => e)));
    for (const error of errors) {
      expect(error).toBeInstanceOf(StreamParseError);
      expectNoToken(error, "a branch");
    }
  });

  it.each([false, true])("runTools (stream: %s): the conversation on ToolLoopLimitError", async (stream) => {
    const server = await serve((req, res, { body }) => {
      const token = req.headers.authorization?.replace(/^Bearer /, "");
      if (!token) return void res.writeHead(400).end();
      // The model keeps calling the tool, with the token in its text and in the arguments.
      const turn: Turn = {
        content: `calling again ${token}`,
        toolCalls: [{ id: "c", name: "lookup", arguments: JSON.stringify({ q: token }) }],
      };
      const streamed = (JSON.parse(body) as { stream?: boolean }).stream;
      res.writeHead(200, { "content-type": streamed ? "text/event-stream" : "application/json" });
      res.end(streamed ? sseFor(turn) : JSON.stringify(completionFor(turn)));
    });
    const inference = createFriendliInference({ baseURL: server.url, token: TOKEN, maxRetries: 0 });
    const lookup = functionTool({
      name: "lookup",
      parameters: z.object({ q: z.string() }),
      run: () => "nothing found",
    });
    const error = await inference.serverless.chat
      .runTools({ model: "m", messages }, { tools: [lookup], maxSteps: 2, stream })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolLoopLimitError);
    expect(server.requests).toHaveLength(2);
    expect(JSON.stringify((error as ToolLoopLimitError).messages)).toContain("[redacted]");
    expectNoToken(error, "the conversation");
  });
});

describe("shape errors built from what the server sent carry no token", () => {
  it("textDeltas and reasoningDeltas: a chunk of the wrong shape that quotes the token", async () => {
    for (const read of ["textDeltas", "reasoningDeltas"] as const) {
      const inference = await echoing("text/event-stream", (token) => wrongShapeChunk({ token }));
      const error = await deltasError(inference, read);
      expect(error, read).toBeInstanceOf(StreamParseError);
      expectNoToken(error, read);
    }
  });

  it.each(tokenEchoForms)("textDeltas: a chunk of the wrong shape that quotes the token %s", async (form, spell) => {
    const inference = await echoing("text/event-stream", (token) => wrongShapeChunk({ t: spell(token) }));
    const error = await deltasError(inference, "textDeltas");
    expect(error).toBeInstanceOf(StreamParseError);
    expectNoToken(error, form);
  });

  it("chat.parse: an answer of the wrong shape that quotes the token", async () => {
    const inference = await echoing("application/json", (token) => JSON.stringify({ choices: token }));
    const error = await inference.serverless.chat.parse({ model: "m", messages }, Weather).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expectNoToken(error, "chat.parse");
  });
});
