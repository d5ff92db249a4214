import { createParser, type EventSourceMessage } from "eventsource-parser";
import { APITimeoutError } from "../errors/connection-errors.ts";
import { ResponseTooLargeError } from "../errors/response-too-large-error.ts";
import { StreamInterruptedError } from "../errors/stream-errors.ts";
import { DEFAULT_MAX_EVENT_BYTES } from "../transport/client-options.ts";

export type SseMessage = EventSourceMessage;

const LF = 10;
const CR = 13;
const COLON = 58;

/**
 * Follows line and event boundaries as text arrives, holding nothing of the text itself, to
 * tell at the end whether the body stopped inside an event. Each chunk is looked at once, so
 * the cost is linear however long a line grows.
 */
class EventEnds {
  /** The current line has content. */
  #inLine = false;
  /** The event since the last blank line has a field line (not only comments). */
  #eventHasField = false;
  /** The last chunk ended in CR: an LF at the start of the next one belongs to it. */
  #afterCr = false;

  feed(text: string): void {
    const n = text.length;
    let i = 0;
    if (this.#afterCr && n > 0 && text.charCodeAt(0) === LF) i = 1;
    if (n > 0) this.#afterCr = false;
    let nextLf = text.indexOf("\n", i);
    // Most streams never send a CR: then one search per chunk finds that out.
    let nextCr = text.indexOf("\r", i);
    while (i < n) {
      if (nextLf !== -1 && nextLf < i) nextLf = text.indexOf("\n", i);
      if (nextCr !== -1 && nextCr < i) nextCr = text.indexOf("\r", i);
      const end = nextLf === -1 ? nextCr : nextCr === -1 ? nextLf : Math.min(nextLf, nextCr);
      if (end === -1) {
        this.#lineContent(text, i);
        return;
      }
      if (end > i) this.#lineContent(text, i);
      // An empty line ends the event.
      if (!this.#inLine) this.#eventHasField = false;
      this.#inLine = false;
      i = end + 1;
      if (text.charCodeAt(end) === CR) {
        if (i === n) this.#afterCr = true;
        else if (text.charCodeAt(i) === LF) i++;
      }
    }
  }

  /** The body stopped in the middle of a line of an event that has a field. */
  get cut(): boolean {
    return this.#inLine && this.#eventHasField;
  }

  #lineContent(text: string, at: number): void {
    if (this.#inLine) return;
    this.#inLine = true;
    if (text.charCodeAt(at) !== COLON) this.#eventHasField = true;
  }
}

/**
 * Server-sent events from a response body, as the messages of each read: the parsing (CRLF,
 * comments, multi-line data, `event:` names, unknown fields ignored) is eventsource-parser's;
 * this adds UTF-8 decoding across chunk boundaries and tells a clean end from a cut one. A
 * body that ends inside a line, or fails while being read, throws StreamInterruptedError
 * instead of ending quietly; an event longer than `maxEventBytes` characters throws
 * ResponseTooLargeError. Either way the body is cancelled. One batch per read keeps the cost of each event low; a read
 * that completes no event yields nothing.
 */
export async function* readSseBatches(
  body: ReadableStream<Uint8Array>,
  requestId: string | null = null,
  idleTimeout = 0,
  maxEventBytes = DEFAULT_MAX_EVENT_BYTES,
): AsyncGenerator<SseMessage[]> {
  let batch: SseMessage[] = [];
  let tooLarge = false;
  // The parser holds an open line as fragments (linear) and stops once an event passes the cap.
  const parser = createParser({
    onEvent: (message) => batch.push(message),
    onError: (error) => {
      if (error.type === "max-buffer-size-exceeded") tooLarge = true;
    },
    maxBufferSize: maxEventBytes,
  });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  const ends = new EventEnds();
  const feed = (text: string) => {
    parser.feed(text);
    if (tooLarge) throw new ResponseTooLargeError("one event of the stream", maxEventBytes);
    ends.feed(text);
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
    if (ends.cut) {
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
