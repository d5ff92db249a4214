import { afterEach, describe, expect, it } from "vitest";
import { createFriendliInference, functionTool, StructuredOutputError } from "../../src/index.ts";
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

const body = { model: "m", messages: [{ role: "user" as const, content: "Weather in Oslo?" }] };
const closed = {
  type: "object",
  properties: { city: { type: "string" } },
  required: ["city"],
  additionalProperties: false,
};

describe("chat.parse with a JSON Schema checks own properties only", () => {
  it.each(["constructor", "toString", "hasOwnProperty"])(
    "a %s key the schema does not list is refused under additionalProperties: false",
    async (key) => {
      const inference = await serve({ content: `{"city":"Oslo",${JSON.stringify(key)}:{"polluted":true}}` });
      const error = await inference.serverless.chat.parse(body, closed).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StructuredOutputError);
      expect((error as StructuredOutputError).issues).toEqual([
        { path: [key], message: `has unexpected property "${key}"` },
      ]);
    },
  );

  it('a missing required "constructor" is missing', async () => {
    const inference = await serve({ content: '{"city":"Oslo"}' });
    const schema = { ...closed, properties: { ...closed.properties, constructor: { type: "string" } } };
    const error = await inference.serverless.chat
      .parse(body, { ...schema, required: ["city", "constructor"] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StructuredOutputError);
    expect((error as StructuredOutputError).issues).toEqual([
      { path: [], message: 'is missing required property "constructor"' },
    ]);
  });

  it("the parsed result carries no __proto__ key, at any depth", async () => {
    const content = '{"city":"Oslo","__proto__":{"polluted":true},"nested":{"__proto__":{"polluted":true}}}';
    const inference = await serve({ content }, { content });
    const open = { type: "object", required: ["city"] };
    const result = await inference.serverless.chat.parse<Record<string, Record<string, unknown>>>(body, open);
    expect(Object.keys(result.parsed)).toEqual(["city", "nested"]);
    expect(Object.hasOwn(result.parsed.nested as object, "__proto__")).toBe(false);
    // Merged the usual ways, the output gives nothing a new prototype.
    const merged = Object.assign({}, result.parsed, result.parsed.nested);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect((merged as { polluted?: unknown }).polluted).toBeUndefined();
    // With the schema closed, the dropped key changes nothing: the output passes.
    const strict = await inference.serverless.chat.parse(body, {
      ...closed,
      properties: { ...closed.properties, nested: { type: "object", additionalProperties: false } },
    });
    expect(strict.parsed).toEqual({ city: "Oslo", nested: {} });
  });
});

describe("runTools checks a JSON Schema tool's arguments on own properties only", () => {
  it("arguments with an inherited key the schema does not list go back to the model, the tool is not run", async () => {
    const inference = await serve(
      { toolCalls: [{ id: "c1", name: "get_weather", arguments: '{"city":"Oslo","constructor":"x"}' }] },
      { content: "Sorry." },
    );
    const runs: unknown[] = [];
    const tool = functionTool({ name: "get_weather", parameters: closed, run: (args) => void runs.push(args) });
    const result = await inference.serverless.chat.runTools(body, { tools: [tool] });
    expect(runs).toEqual([]);
    const reply = JSON.parse(result.messages.find((m) => m.role === "tool")?.content as string);
    expect(reply).toEqual({
      error: "the arguments do not match the parameters",
      problems: ['constructor: has unexpected property "constructor"'],
    });
  });

  it("a tool gets its arguments without a __proto__ key", async () => {
    const inference = await serve(
      { toolCalls: [{ id: "c1", name: "get_weather", arguments: '{"city":"Oslo","__proto__":{"admin":true}}' }] },
      { content: "3°C." },
    );
    const runs: object[] = [];
    const tool = functionTool({
      name: "get_weather",
      parameters: { type: "object", required: ["city"] },
      run: (args) => void runs.push(args as object),
    });
    await inference.serverless.chat.runTools(body, { tools: [tool] });
    expect(runs).toHaveLength(1);
    expect(Object.keys(runs[0] as object)).toEqual(["city"]);
    expect((Object.assign({}, runs[0]) as { admin?: unknown }).admin).toBeUndefined();
  });
});
