import { afterEach, describe, expect, it, vi } from "vitest";

// The SSE reader (read-events.ts) is loaded on a stream's first read. A reader that cannot be
// loaded (a chunk the network lost, in a browser) must still end the stream as any failure
// does: a FriendliError, the body cancelled, the call's hold released.
afterEach(() => {
  vi.doUnmock("../../src/sse/read-events.ts");
  vi.resetModules();
});

function eventBody() {
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    pull: (controller) => controller.enqueue(new TextEncoder().encode('data: {"a":1}\n\n')),
    cancel: () => {
      cancelled = true;
    },
  });
  return { body, cancelled: () => cancelled };
}

describe("the SSE reader, loaded on the first read", () => {
  it("is not loaded before the first read, and reads events once loaded", async () => {
    const loaded = vi.fn();
    vi.doMock("../../src/sse/read-events.ts", async (importOriginal) => {
      loaded();
      return importOriginal();
    });
    const { Stream } = await import("../../src/sse/stream.ts");
    const response = new Response('data: {"a":1}\n\ndata: {"a":2}\n\n', {
      headers: { "content-type": "text/event-stream" },
    });
    const stream = Stream.fromSSEResponse(response, new AbortController());
    expect(loaded).not.toHaveBeenCalled();
    const data: unknown[] = [];
    for await (const event of stream) data.push(event.data);
    expect(data).toEqual([{ a: 1 }, { a: 2 }]);
    expect(loaded).toHaveBeenCalledTimes(1);
  });

  it("that cannot be loaded ends the stream with StreamInterruptedError, body cancelled, onEnd called", async () => {
    vi.doMock("../../src/sse/read-events.ts", () => {
      throw new TypeError("Failed to fetch dynamically imported module");
    });
    const { Stream } = await import("../../src/sse/stream.ts");
    const { FriendliError } = await import("../../src/errors/friendli-error.ts");
    const { StreamInterruptedError } = await import("../../src/errors/stream-errors.ts");
    const { body, cancelled } = eventBody();
    const onEnd = vi.fn();
    const response = new Response(body, { headers: { "x-request-id": "req-1" } });
    const stream = Stream.fromSSEResponse(response, new AbortController(), { onEnd });
    const error = await (async () => {
      for await (const _ of stream) return undefined;
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StreamInterruptedError);
    expect(error).toBeInstanceOf(FriendliError);
    expect((error as InstanceType<typeof StreamInterruptedError>).requestId).toBe("req-1");
    expect(cancelled()).toBe(true);
    expect(onEnd).toHaveBeenCalledTimes(1);
  });
});
