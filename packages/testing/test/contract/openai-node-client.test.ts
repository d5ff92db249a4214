// openai-node 6 (the line that runs on Node 20) against the mock, as a user's contract test
// drives it: the mock must serve any OpenAI-compatible client, not only this SDK.
import OpenAI from "openai6";
import { zodResponseFormat } from "openai6/helpers/zod";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
// The built entry, as a user installs it (its specs are the copies shipped in dist/).
import { type MockServer, startMockServer } from "../../dist/index.js";

let mock: MockServer;
let openai: OpenAI;
beforeAll(async () => {
  mock = await startMockServer();
  openai = new OpenAI({ apiKey: "test", baseURL: `${mock.url}/serverless/v1`, maxRetries: 0 });
});
afterAll(() => mock?.stop());
beforeEach(() => mock.reset());

const messages = [{ role: "user" as const, content: "Weather in Seoul?" }];
const chunk = (content: string) => ({
  id: "c1",
  object: "chat.completion.chunk" as const,
  created: 1,
  model: "m",
  choices: [{ index: 0, delta: { content }, finish_reason: null }],
});

async function streamedText(stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>) {
  let text = "";
  let chunks = 0;
  for await (const c of stream) {
    chunks += 1;
    text += c.choices[0]?.delta.content ?? "";
  }
  return { text, chunks };
}

describe("openai-node against the mock", () => {
  it("plain: the default answer, a few sentences", async () => {
    const answer = await openai.chat.completions.create({ model: "m", messages });
    expect(answer.choices[0]?.message.content).toMatch(/^[A-Z].*\.$/);
  });

  it("streamed: chunks, not an empty stream (openai-node sends Accept: application/json)", async () => {
    const { text, chunks } = await streamedText(
      await openai.chat.completions.create({ model: "m", messages, stream: true }),
    );
    expect(chunks).toBeGreaterThan(1);
    expect(text).toMatch(/^[A-Z].*\.$/);
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
    const answer = await openai.chat.completions.create({ model: "m", messages });
    expect(answer.choices[0]?.message.content).toBe("scripted");
  });

  it("streamed and scripted: the scripted events, and the reply is used up", async () => {
    mock.respond("serverlessChatStream", {
      events: [{ data: chunk("one ") }, { data: chunk("two") }, { data: "[DONE]" }],
    });
    const { text } = await streamedText(await openai.chat.completions.create({ model: "m", messages, stream: true }));
    expect(text).toBe("one two");
    expect(mock.pendingReplies()).toEqual([]);
  });

  it("structured output: chat.completions.parse with a zod schema gets a parsed value", async () => {
    const Weather = z.object({ city: z.string(), celsius: z.number(), sky: z.enum(["sun", "rain"]) });
    const answer = await openai.chat.completions.parse({
      model: "m",
      messages,
      response_format: zodResponseFormat(Weather, "weather"),
    });
    const parsed = answer.choices[0]?.message.parsed;
    expect(Weather.safeParse(parsed).success).toBe(true);
  });

  it("a tool call: tool_choice names the function, the arguments fit its parameters", async () => {
    const parameters = {
      type: "object",
      properties: { city: { type: "string" }, unit: { enum: ["c", "f"] } },
      required: ["city", "unit"],
      additionalProperties: false,
    };
    const answer = await openai.chat.completions.create({
      model: "m",
      messages,
      tools: [{ type: "function", function: { name: "get_weather", parameters } }],
      tool_choice: { type: "function", function: { name: "get_weather" } },
    });
    const call = answer.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === "function" && call.function.name).toBe("get_weather");
    const args = JSON.parse(call?.type === "function" ? call.function.arguments : "") as {
      city: unknown;
      unit: unknown;
    };
    expect(typeof args.city).toBe("string");
    expect(["c", "f"]).toContain(args.unit);
  });

  it("a bad request: openai-node's error carries the violation, not '(no body)'", async () => {
    const error = await openai.chat.completions
      .create({ model: "m", messages: "not a list" as never })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.UnprocessableEntityError);
    expect((error as Error).message).toMatch(/^422 .*body\.messages: .*array/);
  });
});

describe("curl-style plain fetch", () => {
  it("stream: true with no Accept header gets the event stream", async () => {
    const res = await fetch(`${mock.url}/serverless/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer test", "content-type": "application/json" },
      body: JSON.stringify({ model: "m", messages, stream: true }),
    });
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(await res.text()).toMatch(/data: \[DONE\]\n\n$/);
  });
});
