import { describe, expect, it } from "vitest";
import { readJsonlLines } from "./read-jsonl-lines.ts";

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>) {
  const lines = [];
  for await (const line of readJsonlLines(stream)) lines.push(line);
  return lines;
}

describe("readJsonlLines", () => {
  it("joins lines split across chunks, skips blank lines and keeps line numbers", async () => {
    expect(await collect(streamOf('{"a":', '1}\r\n\n{"b"', ":2}\n  \n", '{"c":3}'))).toEqual([
      { text: '{"a":1}', line: 1 },
      { text: '{"b":2}', line: 3 },
      { text: '{"c":3}', line: 5 },
    ]);
  });

  it("decodes a multi-byte character split between chunks", async () => {
    const bytes = new TextEncoder().encode('"é"\n');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 2));
        controller.enqueue(bytes.slice(2));
        controller.close();
      },
    });
    expect(await collect(stream)).toEqual([{ text: '"é"', line: 1 }]);
  });

  it("cancels the stream when the reader stops early", async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode("{}\n"));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const _ of readJsonlLines(stream)) break;
    expect(cancelled).toBe(true);
  });
});
