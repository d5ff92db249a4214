import { FriendliError } from "@friendli-ts/client";
import { type FuzzServer, fuzzAnswer, fuzzParameters, startFuzzServer } from "@friendli-ts/test-kit";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatSnapshots, createFriendliInference, type FriendliInference, functionTool } from "../../src/index.ts";

// Whatever the server answers, chat and its helpers resolve or reject with a FriendliError.

let server: FuzzServer;
let inference: FriendliInference;
beforeAll(async () => {
  server = await startFuzzServer();
  inference = createFriendliInference(server.clientOptions);
});
afterAll(() => server.stop());

const drain = async (items: AsyncIterable<unknown>) => {
  for await (const _ of items);
};

const body = { model: "m", messages: [{ role: "user" as const, content: "Hi" }] };
const toolCall = { id: "c1", type: "function", function: { name: "get_weather", arguments: '{"city":"Oslo"}' } };
const completion = {
  id: "c",
  object: "chat.completion",
  created: 1,
  model: "m",
  choices: [
    {
      index: 0,
      message: { role: "assistant", content: '{"city":"Oslo"}', tool_calls: [toolCall] },
      finish_reason: "stop",
    },
  ],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
};
const chunk = {
  id: "c",
  object: "chat.completion.chunk",
  created: 1,
  model: "m",
  choices: [
    {
      index: 0,
      delta: { role: "assistant", content: "Hi", reasoning_content: "hm", tool_calls: [{ index: 0, ...toolCall }] },
      finish_reason: null,
      logprobs: { content: [] },
    },
  ],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
};
const schema = { type: "object", properties: { city: { type: "string" } }, required: ["city"] };
const getWeather = functionTool({ name: "get_weather", parameters: schema, run: () => "3°C" });

const calls: [string, (i: FriendliInference) => Promise<unknown>][] = [
  ["complete", (i) => i.serverless.chat.complete(body)],
  ["parse", (i) => i.serverless.chat.parse(body, schema)],
  ["runTools", (i) => i.serverless.chat.runTools(body, { tools: [getWeather], maxSteps: 2 })],
  [
    "runTools streamed",
    (i) => i.serverless.chat.runTools(body, { tools: [getWeather], maxSteps: 2, stream: true, onTextDelta: () => {} }),
  ],
  ["stream", (i) => i.serverless.chat.stream(body).then(drain)],
  ["textDeltas", (i) => i.serverless.chat.stream(body).then((s) => drain(s.textDeltas()))],
  ["reasoningDeltas", (i) => i.serverless.chat.stream(body).then((s) => drain(s.reasoningDeltas()))],
  ["finalResult", (i) => i.serverless.chat.stream(body).then((s) => s.finalResult())],
  ["chatSnapshots", (i) => i.serverless.chat.stream(body).then((s) => drain(chatSnapshots(s)))],
];

// The other families' streams, each with a well-formed event to miss and its end.
const families: [string, unknown, string, (i: FriendliInference) => Promise<Helpers>][] = [
  [
    "responses",
    {
      type: "response.output_text.delta",
      item_id: "m",
      output_index: 0,
      content_index: 0,
      delta: "Hi",
      sequence_number: 1,
      response: { id: "r", status: "completed", output: [] },
    },
    'data: {"type":"response.completed","response":{"id":"r","status":"completed","output":[]}}\n\n',
    (i) => i.serverless.responses.stream({ model: "m", input: "Hi" }),
  ],
  [
    "messages",
    {
      type: "content_block_delta",
      index: 0,
      delta: { type: "text_delta", text: "Hi" },
      message: { id: "m", type: "message", role: "assistant", content: [] },
      content_block: { type: "tool_use", id: "t", name: "f", input: {} },
      usage: { output_tokens: 1 },
    },
    'event: message_stop\ndata: {"type":"message_stop"}\n\n',
    (i) => i.serverless.messages.stream({ model: "m", max_tokens: 8, messages: body.messages }),
  ],
  [
    "completions",
    { id: "c", object: "text_completion", choices: [{ index: 0, text: "Hi", finish_reason: null }], usage: null },
    "data: [DONE]\n\n",
    (i) => i.serverless.completions.stream({ model: "m", prompt: "Hi" }),
  ],
  [
    "transcriptions",
    { type: "transcript.text.delta", delta: "Hi", text: "Hi", usage: { type: "tokens" } },
    "data: [DONE]\n\n",
    (i) => i.serverless.audio.transcriptions.stream({ model: "w", file: new Uint8Array([1]) }),
  ],
  [
    "tool-assisted chat",
    chunk,
    "data: [DONE]\n\n",
    (i) => i.serverless.toolAssistedChat.stream({ model: "m", messages: body.messages }),
  ],
];
type Helpers = {
  textDeltas(): AsyncIterable<unknown>;
  reasoningDeltas(): AsyncIterable<unknown>;
  finalResult(): Promise<unknown>;
};
const helpers: ((s: Helpers) => Promise<unknown>)[] = [
  (s) => drain(s.textDeltas()),
  (s) => drain(s.reasoningDeltas()),
  (s) => s.finalResult(),
  (s) =>
    drain(s.textDeltas())
      .then(
        () => {},
        () => {},
      )
      .then(() => s.finalResult()),
];

describe("every family's stream helpers, against events of any shape", () => {
  it.each(families)("%s: reject only with FriendliError", async (_name, event, end, open) => {
    const answers = fuzzAnswer({ sse: { event, end } });
    await fc.assert(
      fc.asyncProperty(answers, fc.constantFrom(...helpers), async (answer, helper) => {
        server.answerWith(answer);
        const error = await open(inference)
          .then(helper)
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        if (error !== undefined) expect(error).toBeInstanceOf(FriendliError);
      }),
      { ...fuzzParameters, numRuns: Math.ceil(fuzzParameters.numRuns ?? 200) / 2 },
    );
  });
});

describe("chat and its helpers, against answers of any shape", () => {
  it("reject only with FriendliError", async () => {
    const answers = fuzzAnswer({ json: completion, sse: { event: chunk, end: "data: [DONE]\n\n" } });
    await fc.assert(
      fc.asyncProperty(answers, fc.constantFrom(...calls), async (answer, [, call]) => {
        server.answerWith(answer);
        const error = await call(inference).then(
          () => undefined,
          (e: unknown) => e,
        );
        if (error !== undefined) expect(error).toBeInstanceOf(FriendliError);
      }),
      fuzzParameters,
    );
  });
});
