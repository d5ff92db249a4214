import { describe, expect, it } from "vitest";
import { type ChatChunk, collectChatCompletion } from "./collect-chat-completion.ts";

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
    const result = await collectChatCompletion(from(chunks));
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
    const [choice] = (await collectChatCompletion(from(chunks))).choices;
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
    const [choice] = (await collectChatCompletion(from(chunks))).choices;
    expect(choice?.message).toEqual({
      role: "assistant",
      content: null,
      reasoning_content: "think more",
      tool_calls: [{ id: "t", type: "function", function: { name: "f", arguments: "{}" } }],
    });
  });

  it("an empty stream gives an empty completion rather than throwing", async () => {
    const result = await collectChatCompletion(from<ChatChunk>([]));
    expect(result).toEqual({ id: "", object: "chat.completion", created: 0, choices: [], usage: null });
  });
});
