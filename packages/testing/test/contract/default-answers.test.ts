import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The built entry, as a user installs it (its specs are the copies shipped in dist/).
import { type MockServer, startMockServer } from "../../dist/index.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock?.stop());

const schema = {
  type: "object",
  properties: {
    city: { type: "string", minLength: 2 },
    days: { type: "integer", minimum: 1, maximum: 7 },
    kind: { enum: ["sun", "rain"] },
    hours: { type: "array", items: { type: "number" }, minItems: 1 },
  },
  required: ["city", "days", "kind", "hours"],
  additionalProperties: false,
};
const isValid = new Ajv2020({ strict: false }).compile(schema);
const weatherTool = { type: "function", function: { name: "get_weather", parameters: schema } };
const otherTool = { type: "function", function: { name: "get_time", parameters: { type: "object", properties: {} } } };

const paths = {
  serverless: "/serverless/v1/chat/completions",
  dedicated: "/dedicated/v1/chat/completions",
  container: "/v1/chat/completions",
};

interface Completion {
  choices: {
    message: { content: string | null; tool_calls?: { id: string; function: { name: string; arguments: string } }[] };
    finish_reason: string;
  }[];
}
interface Chunk {
  choices: {
    delta: {
      content?: string | null;
      tool_calls?: { index: number; function: { name?: string; arguments: string } }[];
    };
    finish_reason?: string | null;
  }[];
  usage?: unknown;
}

async function post(path: string, body: Record<string, unknown>): Promise<Response> {
  const res = await fetch(`${mock.url}${path}`, {
    method: "POST",
    headers: { authorization: "Bearer t", "content-type": "application/json" },
    body: JSON.stringify({ model: "m", messages: [{ role: "user", content: "Weather?" }], ...body }),
  });
  expect(res.status).toBe(200);
  return res;
}
const complete = async (path: string, body: Record<string, unknown>) =>
  (await (await post(path, body)).json()) as Completion;
async function stream(path: string, body: Record<string, unknown>): Promise<(Chunk | "[DONE]")[]> {
  const text = await (await post(path, { ...body, stream: true })).text();
  return text
    .split("\n")
    .filter((l) => l.startsWith("data: "))
    .map((l) => l.slice(6))
    .map((d) => (d === "[DONE]" ? d : (JSON.parse(d) as Chunk)));
}
const chunksOf = (events: (Chunk | "[DONE]")[]) => events.filter((e): e is Chunk => e !== "[DONE]");
const streamedText = (events: (Chunk | "[DONE]")[]) =>
  chunksOf(events)
    .map((c) => c.choices[0]?.delta.content ?? "")
    .join("");
const streamedArguments = (events: (Chunk | "[DONE]")[]) =>
  chunksOf(events)
    .flatMap((c) => c.choices[0]?.delta.tool_calls ?? [])
    .map((t) => t.function.arguments)
    .join("");

const jsonSchemaFormat = { type: "json_schema", json_schema: { name: "weather", schema } };

for (const [api, path] of Object.entries(paths)) {
  describe(`${api} chat: the default answer follows the request`, () => {
    it("response_format json_schema: content is JSON valid against the schema, the same for the same request", async () => {
      const first = await complete(path, { response_format: jsonSchemaFormat });
      const content = first.choices[0]?.message.content ?? "";
      expect(isValid(JSON.parse(content)), content).toBe(true);
      const again = await complete(path, { response_format: jsonSchemaFormat });
      expect(again.choices[0]?.message.content).toBe(content);
      expect(mock.calls.at(-1)).toMatchObject({ status: 200, stream: false });
      expect(mock.calls.at(-1)?.scripted).toBeUndefined();
    });

    it("response_format json_schema, streamed: the chunks join into valid JSON", async () => {
      const events = await stream(path, { response_format: jsonSchemaFormat });
      const text = streamedText(events);
      expect(isValid(JSON.parse(text)), text).toBe(true);
      expect(chunksOf(events).at(-1)?.choices[0]?.finish_reason).toBe("stop");
    });

    it("response_format json_object: content is a JSON object", async () => {
      const content = (await complete(path, { response_format: { type: "json_object" } })).choices[0]?.message.content;
      expect(JSON.parse(content ?? "")).toBeTypeOf("object");
      const streamed = streamedText(await stream(path, { response_format: { type: "json_object" } }));
      expect(JSON.parse(streamed)).toBeTypeOf("object");
    });

    it('tool_choice "required" and a named function: a tool call whose arguments fit its parameters', async () => {
      const required = await complete(path, { tools: [weatherTool, otherTool], tool_choice: "required" });
      const call = required.choices[0]?.message.tool_calls?.[0];
      expect(required.choices[0]?.finish_reason).toBe("tool_calls");
      expect(call?.function.name).toBe("get_weather");
      expect(isValid(JSON.parse(call?.function.arguments ?? ""))).toBe(true);
      const named = await complete(path, {
        tools: [otherTool, weatherTool],
        tool_choice: { type: "function", function: { name: "get_weather" } },
      });
      expect(named.choices[0]?.message.tool_calls?.[0]?.function.name).toBe("get_weather");
    });

    it("a required tool call, streamed: the argument deltas join into valid arguments", async () => {
      const events = await stream(path, { tools: [weatherTool], tool_choice: "required" });
      const first = chunksOf(events)[0]?.choices[0]?.delta.tool_calls?.[0];
      expect(first?.function.name).toBe("get_weather");
      expect(isValid(JSON.parse(streamedArguments(events)))).toBe(true);
      expect(chunksOf(events).at(-1)?.choices[0]?.finish_reason).toBe("tool_calls");
    });

    it('tool_choice "auto" gets prose, not a tool call', async () => {
      const answer = await complete(path, { tools: [weatherTool], tool_choice: "auto" });
      expect(answer.choices[0]?.message.tool_calls).toBeUndefined();
      expect(answer.choices[0]?.message.content).toMatch(/^[A-Z].*\.$/);
    });

    it("stream_options.include_usage: the stream ends with a usage chunk, and only then", async () => {
      const withUsage = chunksOf(await stream(path, { stream_options: { include_usage: true } }));
      expect(withUsage.at(-1)).toMatchObject({ choices: [], usage: { total_tokens: expect.any(Number) } });
      const without = chunksOf(await stream(path, {}));
      expect(without.some((c) => c.usage)).toBe(false);
      expect(streamedText(without)).toMatch(/^[A-Z].*\.$/);
    });
  });
}

describe("a schema the mock cannot satisfy", () => {
  it("answers 500 naming the problem instead of content that breaks the schema", async () => {
    const res = await fetch(`${mock.url}${paths.serverless}`, {
      method: "POST",
      headers: { authorization: "Bearer t", "content-type": "application/json" },
      body: JSON.stringify({
        model: "m",
        messages: [{ role: "user", content: "x" }],
        response_format: {
          type: "json_schema",
          json_schema: { schema: { allOf: [{ type: "string" }, { type: "number" }] } },
        },
      }),
    });
    expect(res.status).toBe(500);
    expect(await res.text()).toMatch(/could not make a value valid against the schema/);
  });

  it("a small request asking for a huge value gets a 500 naming the limit, not seconds of faking", async () => {
    // Three nested arrays of 30 strings of 30 or more characters: about 10 s to fake before.
    const nested = (items: unknown) => ({ type: "array", minItems: 30, items });
    const body = JSON.stringify({
      model: "m",
      messages: [{ role: "user", content: "x" }],
      response_format: {
        type: "json_schema",
        json_schema: { schema: nested(nested(nested({ type: "string", minLength: 30 }))) },
      },
    });
    expect(body.length).toBeLessThan(300);
    const res = await fetch(`${mock.url}${paths.serverless}`, {
      method: "POST",
      headers: { authorization: "Bearer t", "content-type": "application/json" },
      body,
    });
    expect(res.status).toBe(500);
    expect(await res.text()).toMatch(/the schema asks for more than the mock fakes: the value it asks for is over/);
  });
});
