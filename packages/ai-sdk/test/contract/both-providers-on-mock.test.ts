// The same cases through this package's provider and Friendli's own, `@friendliai/ai-provider`,
// against one mock: the README's comparison table is what these tests show. (The official
// provider lives here because the AI SDK 7 needs Node 22, as this package's tests do.)
import { type MockServer, startMockServer } from "@friendli-ts/test-kit";
import { createFriendli as createOfficial } from "@friendliai/ai-provider";
import {
  APICallError,
  generateText,
  type LanguageModel,
  Output,
  stepCountIs,
  streamText,
  type ToolSet,
  tool,
} from "ai";
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { z } from "zod";
import { createFriendli } from "../../src/index.ts";

let mock: MockServer;
/** The JSON body of every request either provider sent, in order. */
const sentBodies: Record<string, unknown>[] = [];
const recordingFetch: typeof fetch = (input, init) => {
  if (typeof init?.body === "string") sentBodies.push(JSON.parse(init.body));
  return fetch(input, init);
};
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock?.stop());
beforeEach(() => {
  mock.reset();
  sentBodies.length = 0;
});

interface Side {
  /** A chat model on serverless. */
  model(): LanguageModel;
  /** A chat model whose requests go to tool-assisted chat (the official one needs its base URL set so). */
  toolsModel(): LanguageModel;
  /** The provider's web search tool (the official one's types are the AI SDK 6's). */
  webSearch(): ToolSet[string];
}

const sides: [string, () => Side][] = [
  [
    "@friendli-ts/ai-sdk",
    () => {
      const friendli = createFriendli({ baseURL: mock.url, token: "test", maxRetries: 0, fetch: recordingFetch });
      return {
        model: () => friendli("m"),
        toolsModel: () => friendli("m"),
        webSearch: () => friendli.tools.webSearch(),
      };
    },
  ],
  [
    "@friendliai/ai-provider",
    () => {
      // Given a base URL, the provider sends to `${baseURL}/chat/completions`.
      const at = (path: string) =>
        createOfficial({ apiKey: "test", baseURL: `${mock.url}${path}`, fetch: recordingFetch, includeUsage: true });
      return {
        model: () => at("/serverless/v1")("m"),
        toolsModel: () => at("/serverless/tools/v1")("m"),
        webSearch: () => at("/serverless/tools/v1").tools.webSearch() as ToolSet[string],
      };
    },
  ],
];

const chunk = (delta: Record<string, string>, finish: "stop" | null = null) => ({
  id: "c1",
  object: "chat.completion.chunk" as const,
  created: 1,
  model: "m",
  choices: [{ index: 0, delta, finish_reason: finish }],
});

const toolStatus = (status: "STARTED" | "ENDED") => ({
  tool_call_id: "run-1",
  name: "web:search" as const,
  status,
  parameters: [{ name: "query", value: "Seoul weather" }],
  result: status === "ENDED" ? '{"answer": "sunny"}' : null,
  files: null,
  message: null,
  error: null,
  usage: null,
  timestamp: 1,
});

/** Scripts a tool-assisted stream: the web search runs, then the answer "Sunny.". */
const scriptToolRun = () =>
  mock.respond("serverlessToolAssistedChatStream", {
    events: [
      { event: "tool_status", data: toolStatus("STARTED") },
      { event: "tool_status", data: toolStatus("ENDED") },
      { event: "token", data: chunk({ content: "Sunny." }, "stop") },
      { data: "[DONE]" },
    ],
  });

/** A call of `side`'s tool-assisted model with its web search as the tool `search`. */
const withWebSearch = (side: Side, prompt: string) => ({
  model: side.toolsModel(),
  prompt,
  tools: { search: side.webSearch() },
  maxRetries: 0,
});

/** Every part of a streamText run with the web search. */
async function streamedParts(side: Side, prompt: string) {
  const result = streamText(withWebSearch(side, prompt));
  const parts = [];
  for await (const part of result.fullStream) parts.push(part);
  return { parts, text: result.text };
}

describe.each(sides)("%s against the mock", (_name, makeSide) => {
  let side: Side;
  beforeEach(() => {
    side = makeSide();
  });

  it("text: generateText gets the mock's default prose", async () => {
    const { text } = await generateText({ model: side.model(), prompt: "Hi", maxRetries: 0 });
    expect(text).toMatch(/^[A-Z].*\.$/);
  });

  it("stream: streamText gets the text and a stop", async () => {
    const result = streamText({ model: side.model(), prompt: "Hi", maxRetries: 0 });
    expect(await result.text).toMatch(/^[A-Z].*\.$/);
    expect(await result.finishReason).toBe("stop");
  });

  it("tools: a required tool is called with arguments that fit its schema", async () => {
    const input = z.object({ city: z.string(), unit: z.enum(["c", "f"]) });
    const calls: unknown[] = [];
    const { toolCalls } = await generateText({
      model: side.model(),
      prompt: "Weather in Seoul?",
      tools: { get_weather: tool({ inputSchema: input, execute: async (i) => calls.push(i) }) },
      toolChoice: "required",
      stopWhen: stepCountIs(1),
      maxRetries: 0,
    });
    expect(toolCalls[0]?.toolName).toBe("get_weather");
    expect(input.safeParse(calls[0]).success).toBe(true);
  });

  it("structured output: Output.object parses what the mock makes from the schema", async () => {
    const Weather = z.object({ city: z.string(), celsius: z.number(), sky: z.enum(["sun", "rain"]) });
    const { output } = await generateText({
      model: side.model(),
      prompt: "Weather in Seoul?",
      output: Output.object({ schema: Weather }),
      maxRetries: 0,
    });
    expect(Weather.safeParse(output).success).toBe(true);
  });

  it("reasoning: streamed reasoning_content is the AI SDK's reasoning, and parse_reasoning is asked for", async () => {
    mock.respond("serverlessChatStream", {
      events: [
        { data: chunk({ reasoning_content: "think" }) },
        { data: chunk({ content: "42" }, "stop") },
        { data: "[DONE]" },
      ],
    });
    const result = streamText({ model: side.model(), prompt: "6*7?", maxRetries: 0 });
    expect(await result.reasoningText).toBe("think");
    expect(await result.text).toBe("42");
    expect(sentBodies[0]).toMatchObject({ parse_reasoning: true });
  });

  it("built-in tools, streamed: the scripted run is a provider-executed call and a result", async () => {
    scriptToolRun();
    const { parts, text } = await streamedParts(side, "Weather in Seoul?");
    expect(mock.calls.at(-1)).toMatchObject({ path: "/serverless/tools/v1/chat/completions", scripted: true });
    expect(sentBodies[0]).toMatchObject({ tools: [{ type: "web:search" }] });
    expect(parts.find((p) => p.type === "tool-call")).toMatchObject({ toolCallId: "run-1", providerExecuted: true });
    expect(parts.find((p) => p.type === "tool-result")).toMatchObject({ toolCallId: "run-1" });
    expect(await text).toBe("Sunny.");
  });
});

describe("where the two providers differ, on the same mock", () => {
  const [[, ours], [, official]] = sides as [[string, () => Side], [string, () => Side]];

  it("a built-in tool's run carries the user's name for the tool in ours, the API's type in the official one", async () => {
    for (const [side, name] of [
      [ours(), "search"],
      [official(), "web:search"],
    ] as const) {
      scriptToolRun();
      const { parts } = await streamedParts(side, "?");
      expect(parts.find((p) => p.type === "tool-call")).toMatchObject({ toolName: name });
    }
  });

  it("generateText with a built-in tool: ours reads the run from the stream; the official one gets no tool parts", async () => {
    scriptToolRun();
    const mine = await generateText(withWebSearch(ours(), "?"));
    expect(mine.content.map((p) => p.type)).toEqual(["tool-call", "tool-result", "text"]);
    const other = await generateText(withWebSearch(official(), "?"));
    // The JSON answer of tool-assisted chat holds the final message only.
    expect(mock.calls.at(-1)).toMatchObject({ path: "/serverless/tools/v1/chat/completions", stream: false });
    expect(other.content.map((p) => p.type)).toEqual(["text"]);
  });

  it("reasoning 'none': ours turns thinking off in the chat template; the official one sends nothing for it", async () => {
    await generateText({ model: ours().model(), prompt: "?", reasoning: "none", maxRetries: 0 });
    await generateText({ model: official().model(), prompt: "?", reasoning: "none", maxRetries: 0 });
    expect(sentBodies[0]).toMatchObject({ chat_template_kwargs: { enable_thinking: false } });
    expect(sentBodies[1]).not.toHaveProperty("chat_template_kwargs");
  });

  it("reasoning of an earlier turn: ours leaves it out of the history, the official one sends it back", async () => {
    const messages = [
      { role: "user" as const, content: "6*7?" },
      {
        role: "assistant" as const,
        content: [
          { type: "reasoning" as const, text: "six sevens" },
          { type: "text" as const, text: "42" },
        ],
      },
      { role: "user" as const, content: "And 6*8?" },
    ];
    await generateText({ model: ours().model(), messages, maxRetries: 0 });
    await generateText({ model: official().model(), messages, maxRetries: 0 });
    const assistantSent = (n: number) => ((sentBodies[n]?.messages ?? []) as object[])[1];
    expect(assistantSent(0)).not.toHaveProperty("reasoning_content");
    expect(assistantSent(1)).toMatchObject({ reasoning_content: "six sevens" });
  });

  it("an output schema beside tools: both leave response_format out (the API refuses the two), with a warning", async () => {
    // The warnings are expected: taken from the AI SDK's logger hook, not printed in the run's log.
    const before = globalThis.AI_SDK_LOG_WARNINGS;
    globalThis.AI_SDK_LOG_WARNINGS = () => undefined;
    onTestFinished(() => {
      globalThis.AI_SDK_LOG_WARNINGS = before;
    });
    for (const side of [ours(), official()]) {
      sentBodies.length = 0;
      mock.respond("serverlessChatComplete", {
        body: {
          id: "x",
          object: "chat.completion",
          created: 1,
          model: "m",
          choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: '{"a":1}' } }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        },
      });
      const result = await generateText({
        model: side.model(),
        prompt: "?",
        tools: { lookup: tool({ inputSchema: z.object({ q: z.string() }) }) },
        output: Output.object({ schema: z.object({ a: z.number() }) }),
        maxRetries: 0,
      });
      expect(result.output).toEqual({ a: 1 });
      expect(sentBodies[0]).toHaveProperty("tools");
      expect(sentBodies[0]).not.toHaveProperty("response_format");
      expect(result.warnings).toContainEqual(expect.objectContaining({ feature: "responseFormat" }));
    }
  });

  it("a bad request: each is the AI SDK's APICallError with the mock's 422", async () => {
    for (const side of [ours(), official()]) {
      // A `top_k` the spec forbids (it is a whole number there), passed straight into the body.
      const error = await generateText({ model: side.model(), prompt: "Hi", topK: 1.5, maxRetries: 0 }).catch(
        (e: unknown) => e,
      );
      expect(APICallError.isInstance(error)).toBe(true);
      expect((error as APICallError).statusCode).toBe(422);
      expect((error as Error).message).toMatch(/top_k/);
    }
  });
});
