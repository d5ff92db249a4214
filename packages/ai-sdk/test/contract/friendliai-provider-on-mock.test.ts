// Friendli's own AI SDK provider, `@friendliai/ai-provider`, against the mock, as a user's
// contract test drives it: the mock must serve every client of the API, not only this SDK.
// (It lives here because the AI SDK 7 needs Node 22, as this package's tests do.)
import { type MockServer, startMockServer } from "@friendli-ts/test-kit";
import { createFriendli } from "@friendliai/ai-provider";
import { APICallError, generateText, Output, stepCountIs, streamText, tool } from "ai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";

let mock: MockServer;
let friendli: ReturnType<typeof createFriendli>;
beforeAll(async () => {
  mock = await startMockServer();
  // Given a base URL, the provider sends to `${baseURL}/chat/completions`.
  friendli = createFriendli({ apiKey: "test", baseURL: `${mock.url}/serverless/v1` });
});
afterAll(() => mock?.stop());
beforeEach(() => mock.reset());

const model = () => friendli("meta-llama-3.1-8b-instruct");
const chunk = (content: string) => ({
  id: "c1",
  object: "chat.completion.chunk" as const,
  created: 1,
  model: "m",
  choices: [{ index: 0, delta: { content }, finish_reason: null }],
});

async function streamedText(prompt: string) {
  const result = streamText({ model: model(), prompt, maxRetries: 0 });
  let text = "";
  for await (const delta of result.textStream) text += delta;
  return { text, finishReason: await result.finishReason };
}

describe("@friendliai/ai-provider against the mock", () => {
  it("plain: generateText gets the spec's example answer", async () => {
    const { text } = await generateText({ model: model(), prompt: "Hi", maxRetries: 0 });
    expect(text).toMatch(/^[A-Z].*\.$/);
  });

  it("streamed: streamText gets text and a stop, not an empty stream (it sends Accept: */*)", async () => {
    const { text, finishReason } = await streamedText("Hi");
    expect(text).toMatch(/^[A-Z].*\.$/);
    expect(finishReason).toBe("stop");
  });

  it("scripted: mock.respond answers the next call", async () => {
    mock.respond("serverlessChatComplete", {
      body: {
        id: "x",
        object: "chat.completion",
        created: 1,
        model: "m",
        choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: "scripted" } }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      },
    });
    const { text } = await generateText({ model: model(), prompt: "Hi", maxRetries: 0 });
    expect(text).toBe("scripted");
  });

  it("streamed and scripted: the scripted events, and the reply is used up", async () => {
    mock.respond("serverlessChatStream", {
      events: [{ data: chunk("one ") }, { data: chunk("two") }, { data: "[DONE]" }],
    });
    const { text } = await streamedText("Hi");
    expect(text).toBe("one two");
    expect(mock.pendingReplies()).toEqual([]);
  });

  it("structured output: Output.object parses what the mock makes from the schema", async () => {
    const Weather = z.object({ city: z.string(), celsius: z.number(), sky: z.enum(["sun", "rain"]) });
    const { output } = await generateText({
      model: model(),
      prompt: "Weather in Seoul?",
      output: Output.object({ schema: Weather }),
      maxRetries: 0,
    });
    expect(Weather.safeParse(output).success).toBe(true);
  });

  it("a tool call: a required tool is called with arguments that fit its schema", async () => {
    const calls: unknown[] = [];
    const { toolCalls } = await generateText({
      model: model(),
      prompt: "Weather in Seoul?",
      tools: {
        get_weather: tool({
          inputSchema: z.object({ city: z.string(), unit: z.enum(["c", "f"]) }),
          execute: async (input) => {
            calls.push(input);
            return { celsius: 21 };
          },
        }),
      },
      toolChoice: "required",
      stopWhen: stepCountIs(1),
      maxRetries: 0,
    });
    expect(toolCalls[0]?.toolName).toBe("get_weather");
    expect(calls).toHaveLength(1);
    expect(z.object({ city: z.string(), unit: z.enum(["c", "f"]) }).safeParse(calls[0]).success).toBe(true);
  });

  it("a bad request: the AI SDK's error carries the mock's violation message", async () => {
    const error = await generateText({
      model: model(),
      prompt: "Hi",
      // A `top_k` the spec forbids (it is a whole number there), passed straight into the body.
      topK: 1.5,
      maxRetries: 0,
    }).catch((e: unknown) => e);
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(422);
    expect((error as Error).message).toMatch(/top_k/);
  });
});
