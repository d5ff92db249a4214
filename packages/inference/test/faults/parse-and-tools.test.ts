import { APIUserAbortError, InvalidInputError } from "@friendli-ts/client";
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { createFriendliInference, functionTool, StructuredOutputError, ToolLoopLimitError } from "../../src/index.ts";
import { startChatServer } from "../support/chat-server.ts";

type Server = Awaited<ReturnType<typeof startChatServer>>;
let server: Server | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function serve(...turns: Parameters<typeof startChatServer>[0]) {
  server = await startChatServer(turns);
  return createFriendliInference({ baseURL: server.url, token: "test-token", maxRetries: 0 });
}

const messages = [{ role: "user" as const, content: "Weather in Oslo?" }];
const Weather = z.object({ city: z.string(), celsius: z.number() });

describe("chat.parse", () => {
  it("sends the zod schema as response_format and returns the typed, validated object", async () => {
    const inference = await serve({ content: '{"city":"Oslo","celsius":3}' });
    const result = await inference.serverless.chat.parse({ model: "m", messages }, Weather);
    expectTypeOf(result.parsed).toEqualTypeOf<{ city: string; celsius: number }>();
    expect(result.parsed).toEqual({ city: "Oslo", celsius: 3 });
    expect(server?.bodies()[0]?.response_format).toEqual({
      type: "json_schema",
      json_schema: {
        schema: {
          type: "object",
          properties: { city: { type: "string" }, celsius: { type: "number" } },
          required: ["city", "celsius"],
          additionalProperties: false,
        },
      },
    });
  });

  it("works with a plain JSON Schema, typed as the caller names it", async () => {
    const inference = await serve({ content: '{"answer":42}' });
    const schema = { type: "object", properties: { answer: { type: "integer" } }, required: ["answer"] };
    const result = await inference.dedicated.chat.parse<{ answer: number }>({ model: "ep", messages }, schema);
    expect(result.parsed.answer).toBe(42);
  });

  it("output that breaks the schema is a StructuredOutputError with the issues and the text", async () => {
    const inference = await serve({ content: '{"city":"Oslo","celsius":"cold"}' });
    const error = await inference.container.chat.parse({ messages }, Weather).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StructuredOutputError);
    expect((error as StructuredOutputError).issues[0]?.path).toEqual(["celsius"]);
    expect((error as StructuredOutputError).output).toContain("cold");
  });

  it("output that is not JSON, or cut at the token limit, is a StructuredOutputError", async () => {
    const inference = await serve({ content: "Sure! Here it is" }, { content: '{"city":"Os', finish: "length" });
    await expect(inference.serverless.chat.parse({ model: "m", messages }, Weather)).rejects.toThrow(/not valid JSON/);
    await expect(inference.serverless.chat.parse({ model: "m", messages }, Weather)).rejects.toThrow(/token limit/);
  });

  it("a schema that is not one is rejected before the network", async () => {
    const inference = await serve({ content: "{}" });
    await expect(inference.serverless.chat.parse({ model: "m", messages }, "string" as never)).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    expect(server?.requests).toHaveLength(0);
  });
});

const getWeather = functionTool({
  name: "get_weather",
  description: "Current weather of a city",
  parameters: z.object({ city: z.string() }),
  run: async ({ city }) => ({ city, celsius: city === "Oslo" ? 3 : 18 }),
});

describe("chat.runTools", () => {
  it("runs parallel calls, appends results in order, and stops when the model answers", async () => {
    const inference = await serve(
      {
        toolCalls: [
          { id: "c1", name: "get_weather", arguments: '{"city":"Oslo"}' },
          { id: "c2", name: "get_weather", arguments: '{"city":"Rome"}' },
        ],
      },
      { content: "Oslo 3°C, Rome 18°C." },
    );
    const started: string[] = [];
    const slowFirst = functionTool({
      ...getWeather,
      run: async (args: { city: string }, context) => {
        started.push(context.toolCallId);
        // The first call finishes last: results must still follow the model's order.
        await new Promise((r) => setTimeout(r, args.city === "Oslo" ? 30 : 1));
        return getWeather.run(args, context);
      },
    });
    const result = await inference.serverless.chat.runTools({ model: "m", messages }, { tools: [slowFirst] });
    expect(result.content).toBe("Oslo 3°C, Rome 18°C.");
    expect(result.steps).toBe(2);
    expect(started).toEqual(["c1", "c2"]);
    const second = server?.bodies()[1] as { messages: unknown[]; tools: unknown[] };
    expect(second.messages.slice(1)).toEqual([
      {
        role: "assistant",
        content: null,
        tool_calls: [
          { id: "c1", type: "function", function: { name: "get_weather", arguments: '{"city":"Oslo"}' } },
          { id: "c2", type: "function", function: { name: "get_weather", arguments: '{"city":"Rome"}' } },
        ],
      },
      { role: "tool", tool_call_id: "c1", name: "get_weather", content: '{"city":"Oslo","celsius":3}' },
      { role: "tool", tool_call_id: "c2", name: "get_weather", content: '{"city":"Rome","celsius":18}' },
    ]);
    expect(second.tools).toEqual([
      {
        type: "function",
        function: {
          name: "get_weather",
          description: "Current weather of a city",
          parameters: {
            type: "object",
            properties: { city: { type: "string" } },
            required: ["city"],
            additionalProperties: false,
          },
        },
      },
    ]);
  });

  it("streams each step, merging tool-call deltas, and reports text as it comes", async () => {
    const inference = await serve(
      { toolCalls: [{ id: "c1", name: "get_weather", arguments: '{"city":"Oslo"}' }] },
      { content: "It is 3°C in Oslo." },
    );
    const text: string[] = [];
    const result = await inference.dedicated.chat.runTools(
      { model: "ep", messages },
      { tools: [getWeather], stream: true, onTextDelta: (t) => text.push(t) },
    );
    expect(result.content).toBe("It is 3°C in Oslo.");
    expect(text.join("")).toBe("It is 3°C in Oslo.");
    expect(server?.bodies().map((b) => b.stream)).toEqual([true, true]);
  });

  it("bad arguments, unknown tools and throwing tools are reported back to the model", async () => {
    const inference = await serve(
      {
        toolCalls: [
          { id: "c1", name: "get_weather", arguments: '{"town":"Oslo"}' },
          { id: "c2", name: "get_time", arguments: "{}" },
          { id: "c3", name: "explode", arguments: "{}" },
          { id: "c4", name: "get_weather", arguments: "{not json" },
        ],
      },
      { content: "Sorry." },
    );
    const explode = functionTool({
      name: "explode",
      parameters: { type: "object" },
      run: () => {
        throw new Error("tool broke");
      },
    });
    const result = await inference.container.chat.runTools({ messages }, { tools: [getWeather, explode] });
    const toolMessages = result.messages.filter((m) => m.role === "tool").map((m) => JSON.parse(m.content as string));
    expect(toolMessages[0]).toMatchObject({ error: "the arguments do not match the parameters" });
    expect(toolMessages[1]).toEqual({ error: 'there is no tool named "get_time"' });
    expect(toolMessages[2]).toEqual({ error: "tool broke" });
    expect(toolMessages[3]).toEqual({ error: "the arguments are not valid JSON" });
  });

  it("bad loop settings are rejected before the network", async () => {
    const inference = await serve({ content: "unused" });
    const chat = inference.serverless.chat;
    const body = { model: "m", messages };
    await expect(chat.runTools(body, { tools: [getWeather, getWeather] })).rejects.toThrow(/share a name/);
    await expect(chat.runTools(body, { tools: [getWeather], maxSteps: 0 })).rejects.toThrow(/maxSteps/);
    const broken = { ...getWeather, parameters: "not a schema" as never };
    await expect(chat.runTools(body, { tools: [broken] })).rejects.toBeInstanceOf(InvalidInputError);
    expect(server?.requests).toHaveLength(0);
  });

  it("stops at the step limit with ToolLoopLimitError", async () => {
    const inference = await serve({ toolCalls: [{ id: "c1", name: "get_weather", arguments: '{"city":"Oslo"}' }] });
    const error = await inference.serverless.chat
      .runTools({ model: "m", messages }, { tools: [getWeather], maxSteps: 3 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolLoopLimitError);
    expect(server?.requests).toHaveLength(3);
    expect((error as ToolLoopLimitError).messages).toHaveLength(1 + 3 * 2);
  });

  it("an abort while a tool runs stops the loop with APIUserAbortError", async () => {
    const inference = await serve(
      { toolCalls: [{ id: "c1", name: "slow", arguments: "{}" }] },
      { content: "never asked" },
    );
    const abort = new AbortController();
    const slow = functionTool({
      name: "slow",
      parameters: { type: "object" },
      run: (_args, { signal }) =>
        new Promise((_resolve, reject) => {
          signal?.addEventListener("abort", () => reject(new Error("stopped")));
          abort.abort();
        }),
    });
    const error = await inference.serverless.chat
      .runTools({ model: "m", messages }, { tools: [slow], signal: abort.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(server?.requests).toHaveLength(1);
  });

  it("an abort does not wait for the turn's tools: the loop rejects at once, each tool had the signal", async () => {
    const inference = await serve(
      {
        toolCalls: [
          { id: "c1", name: "stubborn", arguments: "{}" },
          { id: "c2", name: "stubborn", arguments: "{}" },
        ],
      },
      { content: "never asked" },
    );
    const abort = new AbortController();
    const events: string[] = [];
    const signals: (AbortSignal | undefined)[] = [];
    // Ignores the signal and ends a while later: the loop must not wait for it.
    const stubborn = functionTool({
      name: "stubborn",
      parameters: { type: "object" },
      run: (_args, { signal }) => {
        signals.push(signal);
        if (signals.length === 2) queueMicrotask(() => abort.abort(new Error("user gave up")));
        return new Promise<string>((resolve) =>
          setTimeout(() => {
            events.push("tool done");
            resolve("late");
          }, 300),
        );
      },
    });
    const error = await inference.serverless.chat
      .runTools({ model: "m", messages }, { tools: [stubborn], signal: abort.signal })
      .catch((e: unknown) => e);
    events.push("loop settled");
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as Error).cause).toEqual(new Error("user gave up"));
    expect(events).toEqual(["loop settled"]);
    expect(signals).toEqual([abort.signal, abort.signal]);
    expect(server?.requests).toHaveLength(1);
  });
});
