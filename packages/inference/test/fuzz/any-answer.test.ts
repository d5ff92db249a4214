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
  inference = createFriendliInference({
    baseURL: server.url,
    token: "fuzz-token",
    maxRetries: 0,
    timeout: 5_000,
    logLevel: "off",
  });
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
