import { createParser, type EventSourceMessage } from "eventsource-parser";
import { APITimeoutError } from "../errors/connection-errors.ts";
import { StreamInterruptedError } from "../errors/stream-errors.ts";

export type SseMessage = EventSourceMessage;

/**
 * Index just past the last blank line (the end of an event) in `text`, or 0. The CR forms
 * are looked for only in a body that has sent a CR: each search that finds nothing reads
 * the whole text.
 */
function endOfLastEvent(text: string, withCr: boolean): number {
  const lf = text.lastIndexOf("\n\n");
  let end = lf < 0 ? 0 : lf + 2;
  if (!withCr) return end;
  for (const boundary of ["\r\r", "\r\n\r\n"]) {
    const at = text.lastIndexOf(boundary);
    if (at >= 0) end = Math.max(end, at + boundary.length);
  }
  return end;
}

/** True when `rest` (text after the last complete event) holds a field, not just comments. */
function holdsUnfinishedEvent(rest: string): boolean {
  return rest.split(/\r\n|\r|\n/).some((line) => line !== "" && !line.startsWith(":"));
}

const endsWithNewline = (text: string) => text.endsWith("\n") || text.endsWith("\r");

/**
 * Server-sent events from a response body, as the messages of each read: the parsing (CRLF,
 * comments, multi-line data, `event:` names, unknown fields ignored) is eventsource-parser's;
 * this adds UTF-8 decoding across chunk boundaries and tells a clean end from a cut one. A
 * body that ends inside a line, or fails while being read, throws StreamInterruptedError
 * instead of ending quietly. One batch per read keeps the cost of each event low; a read
 * that completes no event yields nothing.
 */
export async function* readSseBatches(
  body: ReadableStream<Uint8Array>,
  requestId: string | null = null,
  idleTimeout = 0,
): AsyncGenerator<SseMessage[]> {
  let batch: SseMessage[] = [];
  const parser = createParser({ onEvent: (message) => batch.push(message) });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let unfinished = "";
  let withCr = false;
  const feed = (text: string) => {
    parser.feed(text);
    unfinished += text;
    withCr ||= text.includes("\r");
    const end = endOfLastEvent(unfinished, withCr);
    if (end > 0) unfinished = unfinished.slice(end);
  };
  const take = () => {
    const taken = batch;
    batch = [];
    return taken;
  };
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await (idleTimeout > 0 ? readWithin(reader, idleTimeout) : reader.read());
      } catch (error) {
        if (error instanceof APITimeoutError) throw error;
        throw new StreamInterruptedError("the stream was cut before it finished", requestId, { cause: error });
      }
      if (chunk.done) break;
      feed(decoder.decode(chunk.value, { stream: true }));
      if (batch.length > 0) yield take();
    }
    feed(decoder.decode());
    // A body that stops inside a line was cut.
    if (holdsUnfinishedEvent(unfinished) && !endsWithNewline(unfinished)) {
      throw new StreamInterruptedError("the stream ended in the middle of an event", requestId);
    }
    // Whole lines are kept: some servers (the mock among them) omit the blank line after the
    // last event, and a body ending in CR leaves the parser waiting to see whether LF follows.
    feed("\n\n");
    if (batch.length > 0) yield take();
  } finally {
    // Runs on break and on errors too: stop the body so the connection is released.
    await reader.cancel().catch(() => {});
  }
}

/** One read of the body, or APITimeoutError when nothing arrives for `ms`; the caller then cancels the body. */
export function readWithin(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  ms: number,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const idle = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new APITimeoutError(`the stream sent nothing for ${ms} ms`)), ms);
  });
  return Promise.race([reader.read(), idle]).finally(() => clearTimeout(timer));
}
