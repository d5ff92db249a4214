import { describe, expect, it } from "vitest";
import { FriendliError } from "../../src/errors/friendli-error.ts";
import { ResponseTooLargeError } from "../../src/errors/response-too-large-error.ts";
import { StreamParseError } from "../../src/errors/stream-errors.ts";
import { readItems, Stream, useBatches } from "../../src/sse/stream.ts";

function numbers(n: number, controller = new AbortController()) {
  async function* gen() {
    for (let i = 0; i < n; i++) yield i;
  }
  return new Stream(() => gen(), controller);
}

const collect = async <T>(stream: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of stream) out.push(item);
  return out;
};

describe("Stream", () => {
  it("is read once; a second read is an error", async () => {
    const stream = numbers(3);
    expect(await collect(stream)).toEqual([0, 1, 2]);
    await expect(collect(stream)).rejects.toBeInstanceOf(FriendliError);
  });

  it("break aborts its controller; reading to the end does not", async () => {
    const done = numbers(2);
    await collect(done);
    expect(done.controller.signal.aborted).toBe(false);
    const cut = numbers(5);
    for await (const _ of cut) break;
    expect(cut.controller.signal.aborted).toBe(true);
  });

  it("map and tee: both branches see every item; the request is aborted only when both stop", async () => {
    const source = numbers(4);
    const [a, b] = source.map((n) => n * 10).tee();
    expect(await collect(a)).toEqual([0, 10, 20, 30]);
    expect(await collect(b)).toEqual([0, 10, 20, 30]);

    const early = numbers(4);
    const [c, d] = early.tee();
    for await (const _ of c) break;
    expect(early.controller.signal.aborted).toBe(false);
    for await (const _ of d) break;
    expect(early.controller.signal.aborted).toBe(true);
  });

  it("an error inside a mapped or teed stream reaches the reader as itself, not as an abort", async () => {
    async function* failing() {
      yield 1;
      throw new StreamParseError("bad event", "{oops");
    }
    const mapped = new Stream(() => failing(), new AbortController()).map((n) => n * 2);
    const seen: number[] = [];
    const error = await (async () => {
      for await (const n of mapped) seen.push(n);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([2]);
    expect(error).toBeInstanceOf(StreamParseError);

    const [left] = new Stream(() => failing(), new AbortController()).tee();
    await expect(collect(left)).rejects.toBeInstanceOf(StreamParseError);
  });

  it("toReadableStream and fromReadableStream round-trip through a web Response", async () => {
    const items = [{ text: "héllo" }, { text: "wörld 🌍" }];
    async function* gen() {
      yield* items;
    }
    const response = new Response(new Stream(() => gen(), new AbortController()).toReadableStream());
    const rebuilt = Stream.fromReadableStream<{ text: string }>(response.body as ReadableStream<Uint8Array>);
    expect(await collect(rebuilt)).toEqual(items);
  });

  it("cancelling the readable stream aborts the request behind it", async () => {
    const stream = numbers(100);
    const reader = stream.toReadableStream().getReader();
    await reader.read();
    await reader.cancel();
    expect(stream.controller.signal.aborted).toBe(true);
  });

  it("a stream of batches yields their items in order; map keeps the items before a failing one", async () => {
    async function* batches() {
      yield [1, 2];
      yield [3, 4, 5];
    }
    const source = () => useBatches(numbers(0), batches);
    expect(await collect(source())).toEqual([1, 2, 3, 4, 5]);
    const seen: number[] = [];
    const error = await (async () => {
      for await (const n of source().map((n) => {
        if (n === 4) throw new StreamParseError("bad item", "4");
        return n * 10;
      }))
        seen.push(n);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([10, 20, 30]);
    expect(error).toBeInstanceOf(FriendliError);
  });

  it("readItems reads a stream once, and stopping early aborts it", async () => {
    const stream = numbers(5);
    for await (const _ of readItems(stream)) break;
    expect(stream.controller.signal.aborted).toBe(true);
    await expect(collect(stream)).rejects.toBeInstanceOf(FriendliError);
  });
});

describe("Stream.fromReadableStream over bytes from the network", () => {
  it("a line that never ends is ResponseTooLargeError past the event cap, and the body is cancelled", async () => {
    let cancelled = false;
    const piece = new TextEncoder().encode(`{"a":"${"x".repeat(1024 * 1024)}`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Ten pieces of 1 MiB: past the 8 MiB cap, with no newline.
        if (sent++ < 10) controller.enqueue(piece);
        else controller.close();
      },
      cancel() {
        cancelled = true;
      },
    });
    const error = await collect(Stream.fromReadableStream(body)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(cancelled).toBe(true);
  });
});
