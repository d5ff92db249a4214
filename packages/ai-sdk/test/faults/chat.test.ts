import { InvalidArgumentError, type JSONValue } from "@ai-sdk/provider";
import { serveFaults } from "@friendli-ts/test-kit";
import { generateText, Output, streamText, tool } from "ai";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { chunk, completion, json, localProvider, sentBody, stream, usageChunk } from "../support/friendli-server.ts";

const serve = serveFaults();

describe("chat through generateText and streamText, against a local server", () => {
  it("maps the AI SDK's settings to Friendli's fields and Friendli's own options from providerOptions", async () => {
    const server = await serve((_req, res) => json(res, completion({ content: "ok" })));
    const friendli = localProvider(server);
    const result = await generateText({
      model: friendli.dedicated("ep-1:adapter"),
      system: "Be brief.",
      prompt: "Hi",
      maxOutputTokens: 20,
      temperature: 0.5,
      topP: 0.9,
      topK: 40,
      stopSequences: ["\n\n"],
      seed: 3,
      reasoning: "high",
      providerOptions: {
        friendli: { minP: 0.1, repetitionPenalty: 1.2, chatTemplateKwargs: { enable_thinking: false } },
      },
    });
    expect(server.requests[0]?.path).toBe("/dedicated/v1/chat/completions");
    expect(sentBody(server)).toEqual({
      model: "ep-1:adapter",
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Hi" },
      ],
      max_tokens: 20,
      temperature: 0.5,
      top_p: 0.9,
      top_k: 40,
      stop: ["\n\n"],
      seed: 3,
      reasoning_effort: "high",
      min_p: 0.1,
      repetition_penalty: 1.2,
      chat_template_kwargs: { enable_thinking: false },
      parse_reasoning: true,
    });
    expect(result.text).toBe("ok");
    expect(result.providerMetadata?.friendli?.requestId).toBe("req-123");
    expect(result.response.headers?.["x-request-id"]).toBe("req-123");
    expect(result.usage).toMatchObject({ inputTokens: 3, outputTokens: 4, totalTokens: 7 });
  });

  it("returns reasoning_content as reasoning, apart from the text", async () => {
    const server = await serve((_req, res) => json(res, completion({ content: "4", reasoning_content: "2+2 is 4" })));
    const result = await generateText({ model: localProvider(server)("m"), prompt: "2+2?" });
    expect(result.reasoningText).toBe("2+2 is 4");
    expect(result.text).toBe("4");
  });

  it("streams reasoning, then text, with usage from the last chunk", async () => {
    const server = await serve((_req, res) =>
      stream(res, [
        chunk({ role: "assistant", reasoning_content: "think" }),
        chunk({ reasoning_content: "ing" }),
        chunk({ content: "an" }),
        chunk({ content: "swer" }, "stop"),
        usageChunk(5, 6),
        "data: [DONE]\n\n",
      ]),
    );
    const result = streamText({ model: localProvider(server)("m"), prompt: "?" });
    expect(await result.text).toBe("answer");
    expect(await result.reasoningText).toBe("thinking");
    expect(await result.finishReason).toBe("stop");
    expect(await result.usage).toMatchObject({ inputTokens: 5, outputTokens: 6 });
    expect((await result.providerMetadata)?.friendli?.requestId).toBe("req-stream");
    expect(sentBody(server)).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it("sends tools and each tool choice in Friendli's shape", async () => {
    const toolCall = { id: "call_1", type: "function", function: { name: "weather", arguments: '{"city":"Seoul"}' } };
    const server = await serve((_req, res) =>
      json(res, completion({ content: null, tool_calls: [toolCall] }, "tool_calls")),
    );
    const model = localProvider(server)("m");
    const tools = { weather: { description: "Weather", inputSchema: z.object({ city: z.string() }) } };
    await generateText({ model, prompt: "?", tools, toolChoice: { type: "tool", toolName: "weather" } });
    await generateText({ model, prompt: "?", tools, toolChoice: "required" });
    expect(sentBody(server, 1)).toMatchObject({
      tools: [
        { type: "function", function: { name: "weather", description: "Weather", parameters: { type: "object" } } },
      ],
      tool_choice: { type: "function", function: { name: "weather" } },
    });
    expect(sentBody(server, 2).tool_choice).toBe("required");
  });

  it("warns about a setting Friendli refuses (a response format beside tools), leaves it out and still answers", async () => {
    const server = await serve((_req, res) => json(res, completion({ content: '{"a":1}' })));
    // The AI SDK also logs each warning as a Node warning; this one is expected, so the test
    // takes it from the SDK's logger hook instead of printing it in the run's log.
    const logged: unknown[] = [];
    const before = globalThis.AI_SDK_LOG_WARNINGS;
    globalThis.AI_SDK_LOG_WARNINGS = ({ warnings }) => void logged.push(...warnings);
    const result = await generateText({
      model: localProvider(server)("m"),
      prompt: "?",
      tools: { lookup: tool({ inputSchema: z.object({ q: z.string() }) }) },
      output: Output.object({ schema: z.object({ a: z.number() }) }),
    }).finally(() => {
      globalThis.AI_SDK_LOG_WARNINGS = before;
    });
    const unsupported = expect.objectContaining({ type: "unsupported", feature: "responseFormat" });
    expect(result.warnings).toEqual([unsupported]);
    expect(logged).toEqual([unsupported]);
    expect(sentBody(server)).not.toHaveProperty("response_format");
    expect(sentBody(server)).toHaveProperty("tools");
    expect(result.output).toEqual({ a: 1 });
  });

  it("regex beside tools is refused before the network: the API takes no response format with tools", async () => {
    const server = await serve((_req, res) => json(res, completion({ content: "ok" })));
    const error = await generateText({
      model: localProvider(server)("m"),
      prompt: "?",
      tools: { lookup: tool({ inputSchema: z.object({ q: z.string() }) }) },
      providerOptions: { friendli: { regex: "\\d+" } },
    }).catch((e: unknown) => e);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/regex or tools, not both/);
    expect(server.requests).toHaveLength(0);
  });

  it("reasoning: the AI SDK's 'none' turns thinking off in the chat template, Friendli's options win, no warning", async () => {
    const server = await serve((_req, res) => json(res, completion({ content: "ok" })));
    const model = localProvider(server)("m");
    const none = await generateText({ model, prompt: "?", reasoning: "none" });
    expect(none.warnings).toEqual([]);
    expect(sentBody(server, 1)).toMatchObject({
      chat_template_kwargs: { enable_thinking: false },
      parse_reasoning: true,
    });
    expect(sentBody(server, 1)).not.toHaveProperty("reasoning_effort");
    await generateText({
      model,
      prompt: "?",
      reasoning: "none",
      providerOptions: {
        friendli: {
          enableThinking: true,
          parseReasoning: false,
          includeReasoning: false,
          chatTemplateKwargs: { x: 1 },
        },
      },
    });
    expect(sentBody(server, 2)).toMatchObject({
      chat_template_kwargs: { enable_thinking: true, x: 1 },
      parse_reasoning: false,
      include_reasoning: false,
    });
    await generateText({
      model,
      prompt: "?",
      reasoning: "low",
      providerOptions: { friendli: { reasoningEffort: "ultracode" } },
    });
    expect(sentBody(server, 3)).toMatchObject({ reasoning_effort: "ultracode" });
    expect(sentBody(server, 3)).not.toHaveProperty("chat_template_kwargs");
  });

  it("refuses a misspelt or mistyped Friendli option before the network", async () => {
    const server = await serve((_req, res) => json(res, completion({ content: "ok" })));
    const model = localProvider(server)("m");
    const refusal = (friendli: Record<string, JSONValue>) =>
      generateText({ model, prompt: "?", providerOptions: { friendli } }).then(
        () => undefined,
        (e: unknown) => e,
      );
    for (const [options, named] of [
      [{ minp: 0.1 }, /minp/],
      [{ minP: "high" }, /minP/],
    ] as const) {
      const error = await refusal(options);
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect(String((error as Error).cause)).toMatch(named);
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe("structured output", () => {
  it("Output.object sends the zod schema as json_schema and parses the answer", async () => {
    const server = await serve((_req, res) => json(res, completion({ content: '{"name":"Ada","age":36}' })));
    const schema = z.object({ name: z.string(), age: z.number() });
    const result = await generateText({
      model: localProvider(server)("m"),
      prompt: "Who?",
      output: Output.object({ schema }),
    });
    expect(result.output).toEqual({ name: "Ada", age: 36 });
    expect(sentBody(server).response_format).toMatchObject({
      type: "json_schema",
      json_schema: { schema: { type: "object", required: ["name", "age"] } },
    });
  });

  it("Friendli's regex comes through providerOptions; with a JSON schema as well it is refused", async () => {
    const server = await serve((_req, res) => json(res, completion({ content: "2026-12-02" })));
    const model = localProvider(server)("m");
    const regex = "\\d{4}-\\d{2}-\\d{2}";
    const result = await generateText({ model, prompt: "Date?", providerOptions: { friendli: { regex } } });
    expect(result.text).toBe("2026-12-02");
    expect(sentBody(server).response_format).toEqual({ type: "regex", schema: regex });
    const both = generateText({
      model,
      prompt: "?",
      output: Output.object({ schema: z.object({ a: z.string() }) }),
      providerOptions: { friendli: { regex } },
    });
    await expect(both).rejects.toThrow(/regex and a JSON output schema/);
    expect(server.requests).toHaveLength(1);
  });
});
