import {
  APICallError,
  type LanguageModelV4,
  type LanguageModelV4CallOptions,
  type LanguageModelV4StreamPart,
  TypeValidationError,
} from "@ai-sdk/provider";
import { serveFaults } from "@friendli-ts/test-kit";
import { generateText, streamText } from "ai";
import { describe, expect, it } from "vitest";
import { chunk, completion, json, localProvider, sse, stream } from "../support/friendli-server.ts";

const serve = serveFaults();

const call: LanguageModelV4CallOptions = { prompt: [{ role: "user", content: [{ type: "text", text: "?" }] }] };

const rejection = (promise: PromiseLike<unknown>) =>
  Promise.resolve(promise).then(
    () => undefined,
    (e: unknown) => e,
  );

async function streamParts(model: LanguageModelV4): Promise<LanguageModelV4StreamPart[]> {
  const { stream: parts } = await model.doStream(call);
  const all: LanguageModelV4StreamPart[] = [];
  for await (const part of parts) all.push(part);
  return all;
}

describe("finish reasons and metadata from a server's own strings", () => {
  it("a finish_reason named like an object's inherited field is 'other', in a result and in a stream", async () => {
    for (const reason of ["constructor", "toString", "__proto__"]) {
      const server = await serve((req, res) => {
        if (req.headers.accept === "text/event-stream")
          return stream(res, [chunk({ content: "a" }, reason), "data: [DONE]\n\n"]);
        json(res, completion({ content: "a" }, reason));
      });
      const generated = await generateText({ model: localProvider(server)("m"), prompt: "?" });
      expect(generated.finishReason).toBe("other");
      expect(generated.rawFinishReason).toBe(reason);
      const streamed = streamText({ model: localProvider(server)("m"), prompt: "?" });
      expect(await streamed.finishReason).toBe("other");
      // What the UI stream sends: a string, never `{}`.
      const ui = await streamed.toUIMessageStreamResponse().text();
      expect(ui).toContain('"finishReason":"other"');
    }
  });

  it("eos_token is a stop", async () => {
    const server = await serve((_req, res) => json(res, completion({ content: "done" }, "eos_token")));
    const result = await generateText({ model: localProvider(server)("m"), prompt: "?" });
    expect(result.finishReason).toBe("stop");
  });

  it("a created time no Date can hold leaves the timestamp out", async () => {
    const server = await serve((_req, res) => json(res, { ...completion({ content: "a" }), created: 1e20 }));
    const result = await localProvider(server)("m").doGenerate(call);
    expect(result.response?.timestamp).toBeUndefined();
  });
});

// Valid JSON of a shape no model can read: each is the AI SDK's TypeValidationError.
const chatAnswers: unknown[] = [
  null,
  "text",
  [],
  {},
  { choices: {} },
  { choices: [null] },
  { choices: [{ message: "hi" }] },
  { choices: [{ message: { tool_calls: {} } }] },
  { choices: [{ message: { tool_calls: [null] } }] },
  { choices: [{ message: { tool_calls: [{ function: "f" }] } }] },
  { choices: [{ message: { content: 5 } }] },
  { choices: [], usage: "many" },
];

describe("answers of the wrong shape", () => {
  it("chat: a TypeValidationError for each, never a TypeError", async () => {
    for (const answer of chatAnswers) {
      const server = await serve((_req, res) => json(res, answer));
      const error = await rejection(localProvider(server)("m").doGenerate(call));
      expect(TypeValidationError.isInstance(error), JSON.stringify(answer)).toBe(true);
    }
  });

  it("completion and transcription: a TypeValidationError for each", async () => {
    for (const answer of [null, { choices: null }, { choices: [7] }, { choices: [{ text: {} }] }]) {
      const server = await serve((_req, res) => json(res, answer));
      const error = await rejection(localProvider(server).completionModel("m").doGenerate(call));
      expect(TypeValidationError.isInstance(error), JSON.stringify(answer)).toBe(true);
    }
    for (const answer of [null, "text", { text: 5 }, {}]) {
      const server = await serve((_req, res) => json(res, answer));
      const model = localProvider(server).transcriptionModel("w");
      const error = await rejection(model.doGenerate({ audio: new Uint8Array([1, 2]), mediaType: "audio/wav" }));
      expect(TypeValidationError.isInstance(error), JSON.stringify(answer)).toBe(true);
    }
  });

  it("embeddings: a TypeValidationError for each, the count of vectors included", async () => {
    const answers = [
      null,
      { data: "x" },
      { data: [null] },
      { data: [{ embedding: "1,2" }] },
      { data: [{ embedding: [1, "2"] }] },
      { data: [{ index: -1, embedding: [1] }] },
      { data: [] },
      { data: [{ embedding: [1] }, { embedding: [2] }] },
    ];
    for (const answer of answers) {
      const server = await serve((_req, res) => json(res, answer));
      const model = localProvider(server).dedicated.embeddingModel("ep");
      const error = await rejection(model.doEmbed({ values: ["a"] }));
      expect(TypeValidationError.isInstance(error), JSON.stringify(answer)).toBe(true);
    }
  });

  it("images: a TypeValidationError for each", async () => {
    for (const answer of [null, { data: {} }, { data: [null] }, { data: [{}] }, { data: [{ url: 3 }] }, { image: 1 }]) {
      const server = await serve((_req, res) => json(res, answer));
      const model = localProvider(server).dedicated.imageModel("ep");
      const error = await rejection(model.doGenerate({ prompt: "a dot", n: 1, providerOptions: {} } as never));
      expect(TypeValidationError.isInstance(error), JSON.stringify(answer)).toBe(true);
    }
  });

  it("a stream chunk of the wrong shape ends the stream: an error part, an 'error' finish, no tool call", async () => {
    const bad = [{ choices: {} }, { choices: [{ delta: { tool_calls: {} } }] }, { choices: [{ delta: "x" }] }];
    for (const answer of bad) {
      const server = await serve((_req, res) =>
        stream(res, [
          chunk({ tool_calls: [{ index: 0, id: "c1", function: { name: "f", arguments: "{}" } }] }),
          sse(answer),
          chunk({ content: "after" }, "stop"),
        ]),
      );
      const parts = await streamParts(localProvider(server)("m"));
      const errors = parts.filter((p) => p.type === "error");
      expect(errors).toHaveLength(1);
      expect(TypeValidationError.isInstance(errors[0]?.type === "error" && errors[0].error)).toBe(true);
      expect(parts.at(-1)).toMatchObject({ type: "finish", finishReason: { unified: "error" } });
      expect(parts.some((p) => p.type === "tool-call" || p.type === "text-delta")).toBe(false);
    }
  });

  it("a completion stream chunk of the wrong shape ends with an error part", async () => {
    const server = await serve((_req, res) => stream(res, [sse({ choices: [{ text: "a" }] }), sse({ choices: "b" })]));
    const parts = await streamParts(localProvider(server).completionModel("m"));
    const error = parts.find((p) => p.type === "error");
    expect(TypeValidationError.isInstance(error?.type === "error" && error.error)).toBe(true);
    expect(parts.at(-1)).toMatchObject({ type: "finish", finishReason: { unified: "error" } });
  });

  it("an HTTP error is still an APICallError", async () => {
    const server = await serve((_req, res) => json(res, { message: "no" }, 500));
    expect(APICallError.isInstance(await rejection(localProvider(server)("m").doGenerate(call)))).toBe(true);
  });
});

describe("answers nested deeper than a stack", () => {
  const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
  const call = { prompt: [{ role: "user" as const, content: [{ type: "text" as const, text: "?" }] }] };

  it("a result with a deep field resolves, its body written as a note where it cannot be copied", async () => {
    for (const depth of [3_000, 100_000]) {
      const server = await serve((_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(`${JSON.stringify(completion({ content: "a" })).slice(0, -1)},"deep":${deep(depth)}}`);
      });
      const result = await localProvider(server)("m").doGenerate(call);
      expect(result.content).toEqual([{ type: "text", text: "a" }]);
    }
  });

  it("deep tool arguments and a deep wrong shape are the AI SDK's errors, never a RangeError", async () => {
    const deepArguments = `{"choices":[{"message":{"tool_calls":[{"id":"c","function":{"name":"f","arguments":{"a":${deep(100_000)}}}}]}}]}`;
    for (const body of [deepArguments, `{"choices":${deep(100_000)}}`, `{"choices":{"a":${deep(100_000)}}}`]) {
      const server = await serve((_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(body);
      });
      const error = await rejection(localProvider(server)("m").doGenerate(call));
      expect(TypeValidationError.isInstance(error), String(error).slice(0, 200)).toBe(true);
    }
  });

  it("deep tool arguments in a stream end it with an error part", async () => {
    const server = await serve((_req, res) =>
      stream(res, [
        `data: {"choices":[{"delta":{"tool_calls":[{"index":0,"id":"c","function":{"name":"f","arguments":{"a":${deep(100_000)}}}}]}}]}\n\n`,
        "data: [DONE]\n\n",
      ]),
    );
    const parts = await streamParts(localProvider(server)("m"));
    const error = parts.find((p) => p.type === "error");
    expect(APICallError.isInstance(error?.type === "error" && error.error)).toBe(true);
  });
});

describe("network-sized lists", () => {
  it("a stream with 80,000 tool calls in one event delivers every call", async () => {
    const n = 80_000;
    const calls = Array.from({ length: n }, (_, i) => ({
      index: i,
      id: `c${i}`,
      function: { name: "f", arguments: "{}" },
    }));
    const server = await serve((_req, res) =>
      stream(res, [sse({ choices: [{ delta: { tool_calls: calls } }] }), "data: [DONE]\n\n"]),
    );
    const parts = await streamParts(localProvider(server)("m"));
    expect(parts.filter((p) => p.type === "error")).toEqual([]);
    expect(parts.filter((p) => p.type === "tool-call")).toHaveLength(n);
    expect(parts.at(-1)).toMatchObject({ type: "finish", finishReason: { unified: "tool-calls" } });
  });
});
