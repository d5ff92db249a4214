import { joinBytes } from "@friendli-ts/client/internal";
import { SampleValidationError } from "./sample-validation-error.ts";

export interface JsonlLine {
  text: string;
  /** 1-based line number in the file. */
  line: number;
}

/** Bytes one JSONL line may have unless `maxLineBytes` says otherwise: 128 MiB. */
export const DEFAULT_MAX_LINE_BYTES = 128 * 1024 * 1024;

const LF = 0x0a;

/**
 * Splits a byte stream into its non-blank lines, holding at most one partial line in
 * memory, so a file of any size streams through. Lines are cut on the LF byte (never part of
 * a multi-byte UTF-8 character) and each is decoded once, when complete, so a long line costs
 * time in proportion to its length. A line longer than `maxLineBytes` is a
 * SampleValidationError and the stream is cancelled. `onBytes` reports bytes read so far.
 */
export async function* readJsonlLines(
  stream: ReadableStream<Uint8Array>,
  onBytes?: (bytesRead: number) => void,
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): AsyncGenerator<JsonlLine> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  // The line read so far, as the pieces of the chunks it came in.
  let pieces: Uint8Array[] = [];
  let pendingBytes = 0;
  let line = 0;
  let samples = 0;
  let bytesRead = 0;
  const tooLong = () =>
    new SampleValidationError(
      { index: samples, line: line + 1 },
      "",
      `the line is longer than ${maxLineBytes} bytes (maxLineBytes)`,
    );
  const finish = (last: Uint8Array): JsonlLine | undefined => {
    line++;
    const bytes = pieces.length === 0 ? last : joinBytes([...pieces, last], pendingBytes + last.byteLength);
    pieces = [];
    pendingBytes = 0;
    const text = decoder.decode(bytes).trim();
    if (!text) return undefined;
    samples++;
    return { text, line };
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytesRead += value.byteLength;
      onBytes?.(bytesRead);
      let start = 0;
      let newline = value.indexOf(LF);
      while (newline >= 0) {
        if (pendingBytes + newline - start > maxLineBytes) throw tooLong();
        const complete = finish(value.subarray(start, newline));
        if (complete) yield complete;
        start = newline + 1;
        newline = value.indexOf(LF, start);
      }
      if (start < value.byteLength) {
        pendingBytes += value.byteLength - start;
        if (pendingBytes > maxLineBytes) throw tooLong();
        pieces.push(value.subarray(start));
      }
    }
    if (pendingBytes > 0) {
      const last = finish(new Uint8Array(0));
      if (last) yield last;
    }
  } finally {
    // Stopping early (an error, a `break`) releases the file or the HTTP body.
    await reader.cancel().catch(() => {});
  }
}
