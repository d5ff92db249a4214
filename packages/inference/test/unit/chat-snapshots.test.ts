import { describe, expect, it } from "vitest";
import { chatSnapshots } from "../../src/streams/chat-snapshots.ts";
import type { ChatChunk } from "../../src/streams/collect-chat-completion.ts";

async function* from(items: ChatChunk[]): AsyncGenerator<ChatChunk> {
  yield* items;
}

const chunk = (delta: ChatChunk["choices"][number]["delta"]): ChatChunk => ({
  id: "c",
  object: "chat.completion.chunk",
  created: 1,
  choices: [{ index: 0, delta }],
});

describe("chatSnapshots", () => {
  it("yields the growing completion, each snapshot independent of the next", async () => {
    const seen: (string | null | undefined)[] = [];
    const kept = [];
    for await (const snapshot of chatSnapshots(
      from([
        chunk({ role: "assistant", content: "He" }),
        chunk({ content: "llo" }),
        chunk({ tool_calls: [{ index: 0, id: "t", type: "function", function: { name: "f", arguments: '{"a"' } }] }),
        chunk({ tool_calls: [{ index: 0, type: "function", function: { arguments: ":1}" } }] }),
      ]),
    )) {
      kept.push(snapshot);
      seen.push(snapshot.choices[0]?.message.content);
    }
    expect(seen).toEqual(["He", "Hello", "Hello", "Hello"]);
    expect(kept[2]?.choices[0]?.message.tool_calls?.[0]?.function.arguments).toBe('{"a"');
    expect(kept[3]?.choices[0]?.message.tool_calls?.[0]?.function.arguments).toBe('{"a":1}');
  });
});
