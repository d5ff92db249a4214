import { describe, expect, it } from "vitest";
import { readJsonlLines } from "../../src/read-jsonl-lines.ts";
import { SampleValidationError } from "../../src/sample-validation-error.ts";

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

  it("reads a line spread over many chunks whole, and splits chunks holding many lines", async () => {
    const long = `"${"x".repeat(1_000_000)}"`;
    const pieces = [];
    for (let at = 0; at < long.length; at += 1000) pieces.push(long.slice(at, at + 1000));
    const lines = await collect(streamOf(...pieces, "\n1\n2\n", "3"));
    expect(lines.map((l) => l.text.length)).toEqual([long.length, 1, 1, 1]);
    expect(lines[0]?.text).toBe(long);
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3, 4]);
  });

  it("a line longer than the cap is a SampleValidationError naming it, and the stream is cancelled", async () => {
    let cancelled = false;
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("{}\n\n"));
      },
      pull(controller) {
        // A bound of its own, so the test ends even where the reader has no cap.
        if (++pulls > 1000) controller.close();
        else controller.enqueue(new Uint8Array(1000).fill(0x61));
      },
      cancel() {
        cancelled = true;
      },
    });
    const lines: { text: string; line: number }[] = [];
    const error = await (async () => {
      for await (const line of readJsonlLines(stream, undefined, 10_000)) lines.push(line);
    })().catch((e: unknown) => e);
    expect(lines).toEqual([{ text: "{}", line: 1 }]);
    expect(error).toBeInstanceOf(SampleValidationError);
    expect(error).toMatchObject({ line: 3, index: 1 });
    expect(cancelled).toBe(true);
  });
});
