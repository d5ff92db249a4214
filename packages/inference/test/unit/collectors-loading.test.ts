import { afterEach, describe, expect, it, vi } from "vitest";

// The chat collectors (collect-chat-completion.ts) load on first use: finalResult() and
// chatSnapshots. One that cannot be loaded (a chunk the network lost, in a browser) fails as
// any failure does: a FriendliError, and the request behind the stream aborted.
const late = "../../src/streams/collect-chat-completion.ts";

afterEach(() => {
  vi.doUnmock(late);
  vi.resetModules();
});

const chunk = (content: string) => ({
  id: "c1",
  object: "chat.completion.chunk",
  created: 1,
  model: "m",
  choices: [{ index: 0, delta: { role: "assistant", content }, finish_reason: null }],
});

async function chatStream() {
  const { Stream } = await import("@friendli-ts/client");
  const { InferenceStream } = await import("../../src/streams/inference-stream.ts");
  const { chatKind } = await import("../../src/streams/stream-kinds.ts");
  async function* items() {
    yield chunk("Hel");
    yield chunk("lo");
  }
  const controller = new AbortController();
  return InferenceStream.from(new Stream(() => items(), controller), chatKind as never);
}

describe("the chat collectors, loaded on first use", () => {
  it("are not loaded until finalResult, and collect once loaded", async () => {
    const loaded = vi.fn();
    vi.doMock(late, async (importOriginal) => {
      loaded();
      return importOriginal();
    });
    const stream = await chatStream();
    expect(loaded).not.toHaveBeenCalled();
    const result = (await stream.finalResult()) as { choices: { message: { content: string } }[] };
    expect(result.choices[0]?.message.content).toBe("Hello");
    expect(loaded).toHaveBeenCalledTimes(1);
  });

  it("that cannot be loaded: finalResult and chatSnapshots fail with a FriendliError, the request aborted", async () => {
    vi.doMock(late, () => {
      throw new TypeError("Failed to fetch dynamically imported module");
    });
    const { FriendliError } = await import("@friendli-ts/client");
    const stream = await chatStream();
    const error = await stream.finalResult().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FriendliError);
    expect(stream.controller.signal.aborted).toBe(true);
    const { chatSnapshots } = await import("../../src/streams/chat-snapshots.ts");
    const snapshots = chatSnapshots((await chatStream()) as never);
    await expect(snapshots.next()).rejects.toBeInstanceOf(FriendliError);
  });
});
