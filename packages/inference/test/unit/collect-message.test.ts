import { StreamInterruptedError, StreamParseError } from "@friendli-ts/client";
import { describe, expect, it } from "vitest";
import { collectMessage, type MessagesStreamItem } from "../../src/streams/collect-message.ts";

async function* from(items: MessagesStreamItem[]): AsyncGenerator<MessagesStreamItem> {
  yield* items;
}

const start: MessagesStreamItem = {
  type: "message_start",
  message: { id: "m", type: "message", role: "assistant", usage: { input_tokens: 1, output_tokens: 0 } },
};

describe("collectMessage", () => {
  it("a tool_use block whose input JSON is broken is a StreamParseError naming the tool", async () => {
    const events: MessagesStreamItem[] = [
      start,
      {
        type: "content_block_start",
        index: 0,
        content_block: { type: "tool_use", id: "t", name: "lookup", input: {} },
      },
      { type: "content_block_delta", index: 0, delta: { type: "input_json_delta", partial_json: '{"q":' } },
      { type: "message_stop" },
    ];
    await expect(collectMessage(from(events))).rejects.toThrow(StreamParseError);
    await expect(collectMessage(from(events))).rejects.toThrow(/lookup/);
  });

  it("a tool_use block with no input deltas keeps the input it started with", async () => {
    const events: MessagesStreamItem[] = [
      start,
      { type: "content_block_start", index: 0, content_block: { type: "tool_use", id: "t", name: "now", input: {} } },
      { type: "message_stop" },
    ];
    expect((await collectMessage(from(events))).content).toEqual([
      { type: "tool_use", id: "t", name: "now", input: {} },
    ]);
  });

  it("without message_start there is no message to build", async () => {
    await expect(collectMessage(from([{ type: "message_stop" }]))).rejects.toBeInstanceOf(StreamInterruptedError);
  });
});
