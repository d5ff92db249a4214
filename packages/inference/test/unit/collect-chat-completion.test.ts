import { describe, expect, it } from "vitest";
import {
  type ChatChunk,
  collectChatCompletion,
  createChatCollector,
} from "../../src/streams/collect-chat-completion.ts";
import { collectorHelpers } from "../../src/streams/collector-helpers.ts";

async function* from<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

const base = { id: "c1", object: "chat.completion.chunk" as const, created: 5 };

describe("collectChatCompletion", () => {
  it("keeps several choices apart, in index order", async () => {
    const chunks: ChatChunk[] = [
      { ...base, choices: [{ index: 1, delta: { role: "assistant", content: "B" } }] },
      { ...base, choices: [{ index: 0, delta: { role: "assistant", content: "A" } }] },
      {
        ...base,
        choices: [
          { index: 0, delta: { content: "a" }, finish_reason: "stop" },
          { index: 1, delta: { content: "b" }, finish_reason: "length" },
        ],
      },
    ];
    const result = await collectChatCompletion(from(chunks), collectorHelpers);
    expect(result.choices.map((c) => [c.index, c.message.content, c.finish_reason])).toEqual([
      [0, "Aa", "stop"],
      [1, "Bb", "length"],
    ]);
    expect(result.usage).toBeNull();
    expect(result).not.toHaveProperty("model");
  });

  it("treats the spec's 'null' finish reason as none, and joins logprobs", async () => {
    const lp = (token: string) => ({ token, logprob: -0.1, top_logprobs: [] });
    const chunks = [
      {
        ...base,
        choices: [{ index: 0, delta: { content: "x" }, finish_reason: "null", logprobs: { content: [lp("x")] } }],
      },
      { ...base, choices: [{ index: 0, delta: { content: "y" }, logprobs: { content: [lp("y")] } }] },
    ] as ChatChunk[];
    const [choice] = (await collectChatCompletion(from(chunks), collectorHelpers)).choices;
    expect(choice?.finish_reason).toBeNull();
    expect(choice?.logprobs?.content?.map((c) => c.token)).toEqual(["x", "y"]);
  });

  it("reads reasoning under either field name, and leaves content null when only tools were called", async () => {
    const chunks = [
      { ...base, choices: [{ index: 0, delta: { reasoning: "think " } }] },
      { ...base, choices: [{ index: 0, delta: { reasoning_content: "more" } }] },
      {
        ...base,
        choices: [
          {
            index: 0,
            delta: { tool_calls: [{ index: 0, id: "t", type: "function", function: { name: "f", arguments: "{}" } }] },
            finish_reason: "tool_calls",
          },
        ],
      },
    ] as ChatChunk[];
    const [choice] = (await collectChatCompletion(from(chunks), collectorHelpers)).choices;
    expect(choice?.message).toEqual({
      role: "assistant",
      content: null,
      reasoning_content: "think more",
      tool_calls: [{ id: "t", type: "function", function: { name: "f", arguments: "{}" } }],
    });
  });

  it("an empty stream gives an empty completion rather than throwing", async () => {
    const result = await collectChatCompletion(from<ChatChunk>([]), collectorHelpers);
    expect(result).toEqual({ id: "", object: "chat.completion", created: 0, choices: [], usage: null });
  });
});

/** The least time of a few runs of `run`, in ms: a busy machine only adds time. */
function leastTime(run: () => void, times = 5): number {
  let least = Number.POSITIVE_INFINITY;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    least = Math.min(least, performance.now() - start);
  }
  return least;
}

describe("collecting grows linearly with what the server sends", () => {
  // The spec's chunk type has an index on every tool-call delta; servers leave it out.
  const idOnlyCalls = (n: number): ChatChunk =>
    ({
      ...base,
      choices: [
        {
          index: 0,
          delta: {
            tool_calls: Array.from({ length: n }, (_, i) => ({
              id: `call_${i}`,
              type: "function" as const,
              function: { name: "f", arguments: "{}" },
            })),
          },
        },
      ],
    }) as ChatChunk;

  it("tool-call deltas with an id and no index: one call per id, in order, and a later delta finds its call by id", () => {
    const collector = createChatCollector(collectorHelpers);
    collector.add(idOnlyCalls(3));
    collector.add({
      ...base,
      choices: [{ index: 0, delta: { tool_calls: [{ id: "call_1", function: { arguments: "!" } }] } }],
    } as ChatChunk);
    collector.add({
      ...base,
      choices: [{ index: 0, delta: { tool_calls: [{ function: { arguments: "?" } }] } }],
    } as ChatChunk);
    const calls = collector.result().choices[0]?.message.tool_calls;
    expect(calls?.map((c) => [c.id, c.function.arguments])).toEqual([
      ["call_0", "{}"],
      ["call_1", "{}!?"],
      ["call_2", "{}"],
    ]);
  });

  // Each case is timed against a linear one of the same size in the same test (the least of
  // a few runs): a quadratic walk makes the ratio a hundred or more, a busy machine a few.
  it("20,000 tool-call deltas with ids and no index take about as long as 20,000 with indexes", () => {
    const withIds = idOnlyCalls(20_000);
    const withIndexes = idOnlyCalls(20_000);
    withIndexes.choices[0]?.delta.tool_calls?.forEach((call, i) => {
      call.index = i;
    });
    const time = (chunk: ChatChunk) =>
      leastTime(() => {
        const collector = createChatCollector(collectorHelpers);
        collector.add(chunk);
        expect(collector.result().choices[0]?.message.tool_calls).toHaveLength(20_000);
      });
    time(withIndexes); // warm-up
    expect(time(withIds) / time(withIndexes)).toBeLessThan(30);
  });

  it("40,000 chunks with logprobs take about as long as 40,000 without", () => {
    const lp = { token: "x", logprob: -0.1, top_logprobs: [] };
    const plain = { ...base, choices: [{ index: 0, delta: { content: "x" } }] } as ChatChunk;
    const withLogprobs = {
      ...base,
      choices: [{ index: 0, delta: { content: "x" }, logprobs: { content: [lp] } }],
    } as ChatChunk;
    const time = (chunk: ChatChunk) =>
      leastTime(() => {
        const collector = createChatCollector(collectorHelpers);
        for (let i = 0; i < 40_000; i++) collector.add(chunk);
        expect(collector.result().choices[0]?.message.content).toHaveLength(40_000);
      });
    time(plain); // warm-up
    expect(time(withLogprobs) / time(plain)).toBeLessThan(30);
  });

  it("a snapshot taken mid-stream keeps its logprobs as they were", () => {
    const lp = (token: string) => ({ token, logprob: -0.1, top_logprobs: [] });
    const collector = createChatCollector(collectorHelpers);
    const add = (token: string) =>
      collector.add({
        ...base,
        choices: [{ index: 0, delta: { content: token }, logprobs: { content: [lp(token)] } }],
      } as ChatChunk);
    add("a");
    const early = collector.result();
    add("b");
    expect(early.choices[0]?.logprobs?.content?.map((t) => t.token)).toEqual(["a"]);
    expect(collector.result().choices[0]?.logprobs?.content?.map((t) => t.token)).toEqual(["a", "b"]);
  });
});
