import { createParser, type EventSourceMessage } from "eventsource-parser";
import type { ByteReadResult } from "../transport/web-types.ts";
import type { SseHelpers } from "./sse-helpers.ts";

export type SseMessage = EventSourceMessage;

/** What `accept` returns for the event that closes a stream (`[DONE]`): nothing after it is read. */
export const STREAM_END: unique symbol = Symbol("stream end");

/** How one body is read: limits, and what each event becomes. */
export interface SseReading<Item> {
  requestId?: string | null;
  /** Ms the body may go without a byte; then APITimeoutError. 0: no limit. */
  idleTimeout?: number;
  /** Characters one event may have; then ResponseTooLargeError. */
  maxEventBytes?: number;
  /**
   * The item one event becomes, or STREAM_END. When it throws, the items of the same read
   * before that event are handed on first, then the error.
   */
  accept(message: SseMessage): Item | typeof STREAM_END;
  /** Runs once the body ended cleanly (not cut); may throw (a stream that ended too soon). */
  complete?(): void;
  /** Runs once, however the reading ended (to drop listeners). */
  onEnd?(): void;
  /** The errors and default cap (readSse imports none: see sse-helpers.ts). */
  helpers: SseHelpers;
}

const LF = 10;
const CR = 13;

/**
 * Server-sent events of a response body, as the items of each read: one pass over the text,
 * eventsource-parser's (CRLF, comments, multi-line data, `event:` names, unknown fields
 * ignored), with UTF-8 decoding across chunk boundaries. Whether the body stopped inside an
 * event is told at the end from the parser itself and the body's last character, so no
 * second scan of the text is needed. A cut body, or one that fails while read, throws
 * StreamInterruptedError; an event longer than `maxEventBytes` characters throws
 * ResponseTooLargeError. Either way the body is cancelled. A read that completes no event
 * yields nothing.
 */
export async function* readSse<Item>(
  body: ReadableStream<Uint8Array>,
  reading: SseReading<Item>,
): AsyncGenerator<Item[]> {
  const {
    accept,
    helpers,
    requestId = null,
    idleTimeout = 0,
    maxEventBytes = helpers.DEFAULT_MAX_EVENT_BYTES,
  } = reading;
  const { ResponseTooLargeError, StreamInterruptedError } = helpers;
  let batch: Item[] = [];
  let failed = false;
  let failure: unknown;
  let ended = false;
  let tooLarge = false;
  // While the end is probed: the open line was a comment; an event was still held.
  let probing = false;
  let sawComment = false;
  let heldEvent = false;
  const parser = createParser({
    onEvent: (message) => {
      if (probing) heldEvent = true;
      else if (!failed && !ended) {
        try {
          const item = accept(message);
          if (item === STREAM_END) ended = true;
          else batch.push(item);
        } catch (error) {
          failed = true;
          failure = error;
        }
      }
    },
    onComment: () => {
      if (probing) sawComment = true;
    },
    onError: (error) => {
      if (error.type === "max-buffer-size-exceeded") tooLarge = true;
    },
    maxBufferSize: maxEventBytes,
  });
  let lastChar = LF;
  const feed = (text: string) => {
    if (text.length === 0) return;
    lastChar = text.charCodeAt(text.length - 1);
    parser.feed(text);
    if (tooLarge) throw new ResponseTooLargeError("one event of the stream", maxEventBytes);
  };
  const decoder = new TextDecoder();
  const reader = body.getReader();
  const idle = idleTimeout > 0 ? idleWatch(reader, idleTimeout, helpers) : undefined;
  try {
    while (!ended) {
      let chunk: ByteReadResult;
      try {
        if (idle) idle.waitFrom = Date.now();
        chunk = await reader.read();
        if (idle) idle.waitFrom = 0;
      } catch (error) {
        if (idle?.timedOut) throw idle.error();
        throw new StreamInterruptedError("the stream was cut before it finished", requestId, { cause: error });
      }
      if (idle?.timedOut) throw idle.error();
      if (chunk.done) break;
      feed(decoder.decode(chunk.value, { stream: true }));
      if (batch.length > 0) {
        const taken = batch;
        batch = [];
        yield taken;
      }
      if (failed) throw failure;
    }
    if (!ended) {
      feed(decoder.decode());
      if (lastChar !== LF && lastChar !== CR) {
        // The body stopped inside a line. Ending that line tells what it was: a comment
        // (onComment) or a field. A cut field line, or a comment after an event's data
        // lines, leaves an event unfinished.
        probing = true;
        parser.feed("\n");
        if (!sawComment) throw cut(helpers, requestId);
        parser.feed("\n");
        if (heldEvent) throw cut(helpers, requestId);
        probing = false;
      }
      // Some servers (the mock among them) omit the blank line after the last event, and a
      // body ending in CR leaves the parser waiting to see whether LF follows.
      feed("\n\n");
      if (batch.length > 0) yield batch;
      if (failed) throw failure;
    }
    reading.complete?.();
  } finally {
    idle?.stop();
    // Runs on break and on errors too: stop the body so the connection is released.
    await reader.cancel().catch(() => {});
    reading.onEnd?.();
  }
}

const cut = ({ StreamInterruptedError }: SseHelpers, requestId: string | null) =>
  new StreamInterruptedError("the stream ended in the middle of an event", requestId);

/**
 * One timer for the whole body rather than one per read: each read only notes when it began
 * waiting (0: not waiting, the reader is busy), and the timer, when it fires, waits again for
 * what is left or cancels the body, which ends the pending read.
 */
function idleWatch(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number, { APITimeoutError }: SseHelpers) {
  const watch = {
    waitFrom: 0,
    timedOut: false,
    timer: undefined as ReturnType<typeof setTimeout> | undefined,
    error: () => new APITimeoutError(`the stream sent nothing for ${ms} ms`),
    stop: () => clearTimeout(watch.timer),
  };
  const check = () => {
    const quiet = watch.waitFrom === 0 ? 0 : Date.now() - watch.waitFrom;
    if (quiet < ms) {
      watch.timer = setTimeout(check, ms - quiet);
      return;
    }
    watch.timedOut = true;
    void reader.cancel().catch(() => {});
  };
  watch.timer = setTimeout(check, ms);
  return watch;
}
