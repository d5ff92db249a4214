import { describe, expect, it } from "vitest";
import { APITimeoutError } from "../../src/errors/connection-errors.ts";
import { StreamEventError, StreamInterruptedError, StreamParseError } from "../../src/errors/stream-errors.ts";
import { type DecodedEvent, decodeEvent } from "../../src/sse/decode-event.ts";
import { readSse, STREAM_END } from "../../src/sse/read-sse.ts";
import { readSseBatches } from "../../src/sse/read-sse-batches.ts";
import { sseHelpers } from "../../src/sse/sse-helpers.ts";
import type { StreamRule } from "../../src/sse/stream-rule.ts";

/** A body that arrives as exactly these reads. */
function body(...reads: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const read of reads) controller.enqueue(encoder.encode(read));
      controller.close();
    },
  });
}

/** The data of every event, or the error the body ends with. */
async function dataOf(...reads: string[]): Promise<{ data: string[]; error?: unknown }> {
  const data: string[] = [];
  try {
    for await (const batch of readSseBatches(body(...reads))) for (const message of batch) data.push(message.data);
  } catch (error) {
    return { data, error };
  }
  return { data };
}

const chatRule: StreamRule = { done: "[DONE]", errorTypes: ["error"], errorField: "error", chunkFields: ["choices"] };

/** Items as a stream route decodes them, and the error the body ends with. */
async function decoded(rule: StreamRule, ...reads: string[]) {
  const items: DecodedEvent<object>[] = [];
  const batches: number[] = [];
  try {
    for await (const batch of readSse(body(...reads), {
      accept: (message) => (message.data === rule.done ? STREAM_END : decodeEvent(message, rule, null, sseHelpers)),
      helpers: sseHelpers,
    })) {
      batches.push(batch.length);
      items.push(...batch);
    }
  } catch (error) {
    return { items, batches, error };
  }
  return { items, batches };
}

describe("where a body ends", () => {
  it("an unfinished comment line after a complete event is not a cut", async () => {
    expect(await dataOf('data: {"a":1}\n\n: keep-al')).toEqual({ data: ['{"a":1}'] });
    expect(await dataOf('data: {"a":1}\n\n:')).toEqual({ data: ['{"a":1}'] });
  });

  it("an unfinished field line is a cut, wherever the read stopped", async () => {
    for (const tail of ['data: {"a":', "data", "event: toke", "id: 4"]) {
      const { error } = await dataOf('data: {"a":1}\n\n', tail);
      expect(error, tail).toBeInstanceOf(StreamInterruptedError);
    }
  });

  it("an event with data whose last line is an unfinished comment is a cut", async () => {
    const { error } = await dataOf('data: {"a":1}\n: trailing');
    expect(error).toBeInstanceOf(StreamInterruptedError);
  });

  it("a last event without its blank line, or ending in CR, is kept", async () => {
    expect(await dataOf('data: {"a":1}\n')).toEqual({ data: ['{"a":1}'] });
    expect(await dataOf('data: {"a":1}\r')).toEqual({ data: ['{"a":1}'] });
    expect(await dataOf('data: {"a":1}\r\n\r\n', "data: 2\r")).toEqual({ data: ['{"a":1}', "2"] });
  });

  it("an empty body has no events and is not cut", async () => {
    expect(await dataOf()).toEqual({ data: [] });
  });
});

describe("events and errors read together", () => {
  it("good events read in the same chunk as a bad one reach the reader first", async () => {
    const { items, error } = await decoded(
      chatRule,
      'data: {"choices":[1]}\n\ndata: {"choices":[2]}\n\ndata: {oops\n\n',
    );
    expect(items.map((item) => item.data)).toEqual([{ choices: [1] }, { choices: [2] }]);
    expect(error).toBeInstanceOf(StreamParseError);
  });

  it("a chunk with both choices and an error field is a chunk, not an error event", async () => {
    const { items, error } = await decoded(
      chatRule,
      'data: {"choices":[{"delta":{"content":"x"}}],"error":{"message":"not this"}}\n\ndata: [DONE]\n\n',
    );
    expect(error).toBeUndefined();
    expect(items).toHaveLength(1);
  });

  it("an error field without the chunk's fields is an error event; an inherited name is not a chunk field", async () => {
    const { error } = await decoded(chatRule, 'data: {"error":{"message":"overloaded"}}\n\n');
    expect(error).toBeInstanceOf(StreamEventError);
    const inherited = await decoded(
      { ...chatRule, chunkFields: ["toString"] },
      'data: {"error":{"message":"overloaded"}}\n\n',
    );
    expect(inherited.error).toBeInstanceOf(StreamEventError);
  });

  it("nothing after [DONE] is read, even in the same chunk", async () => {
    const { items, error } = await decoded(chatRule, 'data: {"choices":[1]}\n\ndata: [DONE]\n\ndata: {oops\n\n');
    expect(error).toBeUndefined();
    expect(items).toHaveLength(1);
  });

  it("the events of one read come as one batch", async () => {
    const { batches } = await decoded(
      chatRule,
      'data: {"choices":[1]}\n\ndata: {"choices":[2]}\n\n',
      'data: {"choices":[3]}\n\n',
    );
    expect(batches).toEqual([2, 1]);
  });
});

describe("the idle timeout", () => {
  it("counts only time spent waiting for the body, not time the reader spends elsewhere", async () => {
    const events = readSseBatches(body('data: {"a":1}\n\n', 'data: {"a":2}\n\n'), null, 50);
    const first = await events.next();
    expect(first.value).toHaveLength(1);
    // The reader is busy for three idle timeouts; the body had the next event ready all along.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const rest: unknown[] = [];
    for await (const batch of { [Symbol.asyncIterator]: () => events }) rest.push(...batch);
    expect(rest).toHaveLength(1);
  });

  it("a body that sends nothing fails with APITimeoutError and is cancelled", async () => {
    let cancelled = false;
    const silent = new ReadableStream<Uint8Array>({
      cancel() {
        cancelled = true;
      },
    });
    const error = await readSseBatches(silent, null, 30)
      .next()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(cancelled).toBe(true);
  });
});
