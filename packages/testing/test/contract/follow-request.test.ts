// Default answers that follow the request: prose that reads like a model's, shaped by `n`,
// `max_tokens` and `stream_options`, and embeddings in the encoding asked for. Every such
// answer passes the spec's check before it is sent (a failing one would be a 500).
import OpenAI from "openai6";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The built entry, as a user installs it (its specs are the copies shipped in dist/).
import { type MockServer, startMockServer } from "../../dist/index.js";

let mock: MockServer;
let chat: OpenAI;
let dedicated: OpenAI;
beforeAll(async () => {
  mock = await startMockServer();
  chat = new OpenAI({ apiKey: "test", baseURL: `${mock.url}/serverless/v1`, maxRetries: 0 });
  dedicated = new OpenAI({ apiKey: "test", baseURL: `${mock.url}/dedicated/v1`, maxRetries: 0 });
});
afterAll(() => mock?.stop());

const messages = [{ role: "user" as const, content: "Tell me about the mock." }];
const words = (text: string) => text.split(" ").filter(Boolean);

async function streamed(body: Omit<OpenAI.Chat.ChatCompletionCreateParamsStreaming, "model" | "messages" | "stream">) {
  const stream = await chat.chat.completions.create({ model: "m", messages, stream: true, ...body });
  const pieces = new Map<number, string[]>();
  const finishes = new Map<number, string | null>();
  let usage: OpenAI.CompletionUsage | null | undefined;
  for await (const chunk of stream) {
    for (const choice of chunk.choices) {
      if (choice.delta.content !== undefined && choice.delta.content !== null) {
        pieces.set(choice.index, [...(pieces.get(choice.index) ?? []), choice.delta.content]);
      }
      if (choice.finish_reason) finishes.set(choice.index, choice.finish_reason);
    }
    if (chunk.usage) usage = chunk.usage;
  }
  return { pieces, finishes, usage };
}

describe("default chat answers read like a model's", () => {
  it("a few sentences, the same for the same request, streamed in several pieces that join into them", async () => {
    const first = await chat.chat.completions.create({ model: "m", messages, seed: 7 });
    const text = first.choices[0]?.message.content ?? "";
    expect(text.match(/[.;!?](\s|$)/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(first.choices[0]?.finish_reason).toBe("stop");
    const again = await chat.chat.completions.create({ model: "m", messages, seed: 7 });
    expect(again.choices[0]?.message.content).toBe(text);
    // The same seed streamed: the same words, in pieces.
    const { pieces, finishes } = await streamed({ seed: 7 });
    expect(pieces.get(0)?.length).toBeGreaterThanOrEqual(5);
    expect(pieces.get(0)?.join("")).toBe(text);
    expect(finishes.get(0)).toBe("stop");
  });

  it("another request gets another answer: the answer depends on the request", async () => {
    const seen = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5]) {
      const answer = await chat.chat.completions.create({ model: "m", messages, seed });
      seen.add(answer.choices[0]?.message.content ?? "");
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it("max_tokens bounds the answer: that many tokens, finish_reason length, usage counting them", async () => {
    const bounded = await chat.chat.completions.create({ model: "m", messages, max_tokens: 5 });
    expect(words(bounded.choices[0]?.message.content ?? "")).toHaveLength(5);
    expect(bounded.choices[0]?.finish_reason).toBe("length");
    expect(bounded.usage?.completion_tokens).toBe(5);
    const { pieces, finishes } = await streamed({ max_tokens: 4 });
    expect(words(pieces.get(0)?.join("") ?? "")).toHaveLength(4);
    expect(finishes.get(0)).toBe("length");
  });

  it("n: that many choices, each with its index, streamed or not", async () => {
    const answer = await chat.chat.completions.create({ model: "m", messages, n: 3 });
    expect(answer.choices.map((c) => c.index)).toEqual([0, 1, 2]);
    for (const choice of answer.choices) expect(words(choice.message.content ?? "").length).toBeGreaterThan(10);
    const { pieces, finishes } = await streamed({ n: 2 });
    expect([...pieces.keys()].sort()).toEqual([0, 1]);
    expect([...finishes.values()]).toEqual(["stop", "stop"]);
  });

  it("stream_options.include_usage: a usage event counting the streamed tokens, and none without it", async () => {
    const withUsage = await streamed({ stream_options: { include_usage: true } });
    const text = withUsage.pieces.get(0)?.join("") ?? "";
    expect(withUsage.usage?.completion_tokens).toBe(words(text).length);
    expect(withUsage.usage?.total_tokens).toBe(
      (withUsage.usage?.prompt_tokens ?? Number.NaN) + (withUsage.usage?.completion_tokens ?? Number.NaN),
    );
    expect((await streamed({})).usage).toBeUndefined();
  });
});

describe("embeddings follow the request", () => {
  it("openai-node 6's default (base64) decodes to the same non-empty vectors as floats, one per input", async () => {
    const input = ["first text", "second text"];
    const base64 = await dedicated.embeddings.create({ model: "m", input });
    const floats = await dedicated.embeddings.create({ model: "m", input, encoding_format: "float" });
    expect(base64.data).toHaveLength(2);
    expect(base64.data[0]?.embedding.length).toBeGreaterThan(0);
    expect(base64.data.map((d) => d.embedding)).toEqual(floats.data.map((d) => d.embedding));
    expect(base64.data[0]?.embedding).not.toEqual(base64.data[1]?.embedding);
  });

  it("asked for base64, the wire carries a base64 string; asked for floats, a list of numbers", async () => {
    const post = async (encoding_format: string) =>
      (await (
        await fetch(`${mock.url}/dedicated/v1/embeddings`, {
          method: "POST",
          headers: { authorization: "Bearer t", "content-type": "application/json" },
          body: JSON.stringify({ model: "m", input: "one", encoding_format }),
        })
      ).json()) as { data: { embedding: unknown }[] };
    expect((await post("base64")).data[0]?.embedding).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect((await post("float")).data[0]?.embedding).toEqual(expect.arrayContaining([expect.any(Number)]));
  });
});
