import { APIUserAbortError } from "../errors/connection-errors.ts";
import { FriendliError } from "../errors/friendli-error.ts";
import { StreamInterruptedError, StreamParseError } from "../errors/stream-errors.ts";
import { redactError } from "../transport/redact.ts";
import { keepSecret, secretOf } from "../transport/secret-of.ts";
import { type DecodedEvent, decodeEvent, endedCompletely } from "./decode-event.ts";
import { readSseBatches } from "./read-sse-batches.ts";
import { ANY_END, type StreamRule } from "./stream-rule.ts";

type Source<Item> = () => AsyncIterator<Item>;
/** Items a few at a time (an SSE stream: the events of one read), so each item costs no promise of its own. */
export type BatchSource<Item> = () => AsyncIterator<Item[]>;

/** A source of single-item batches, passing `return()` on. */
function singles<Item>(iterator: AsyncIterator<Item>): AsyncIterator<Item[]> {
  return {
    next: async () => {
      const result = await iterator.next();
      return result.done ? { done: true, value: undefined } : { done: false, value: [result.value] };
    },
    return: async () => {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
  };
}

/** One line of `toReadableStream()` output; a line that is not JSON is a StreamParseError. */
function parseLine<Item>(line: string): Item {
  try {
    return JSON.parse(line) as Item;
  } catch (cause) {
    throw new StreamParseError(`a line of the stream is not valid JSON: ${line.slice(0, 80)}`, line, { cause });
  }
}

const noItems = (): AsyncIterator<never> => ({ next: async () => ({ done: true, value: undefined }) });

// Where each stream takes its items from, and the streams already read: off the public
// object, for the streams the SDK builds on others (`map` here, InferenceStream in the
// inference package). Module state rather than a static block, which a bundler must keep:
// an app that never makes a stream bundles none of this.
const sources = new WeakMap<object, BatchSource<unknown>>();
const consumed = new WeakSet<object>();

export interface SseStreamOptions {
  /** How the stream ends and signals an error (a stream route's `stream`). Default: any clean end. */
  rule?: StreamRule;
  /** Ms the body may go without a byte; then APITimeoutError. 0: no limit. */
  idleTimeout?: number;
  /** Characters one event may have; then ResponseTooLargeError. Default 8 Mi (the client's `maxEventBytes`). */
  maxEventBytes?: number;
  /** Called once the stream is over, however it ended (to drop listeners). */
  onEnd?: () => void;
  /** Removed from every error the stream throws (an error event may echo the token). */
  secret?: string | null;
}

/**
 * A stream of typed items you read with `for await`. Leaving the loop early (`break`,
 * `return`, a throw) aborts the HTTP request. A stream can be read once; `tee()` splits it.
 */
export class Stream<Item> implements AsyncIterable<Item> {
  /** Aborting it cancels the request behind the stream. */
  readonly controller: AbortController;
  /** The HTTP response, when the stream came from one. */
  readonly response: Response | undefined;

  constructor(source: Source<Item>, controller: AbortController, response?: Response) {
    sources.set(this, () => singles(source()));
    this.controller = controller;
    this.response = response;
  }

  /** Events of a `text/event-stream` response, decoded from JSON, until the rule's end. */
  static fromSSEResponse<Event = DecodedEvent>(
    response: Response,
    controller: AbortController,
    options: SseStreamOptions = {},
  ): Stream<Event> {
    const requestId = response.headers.get("x-request-id");
    const rule = options.rule ?? ANY_END;
    async function* events(): AsyncGenerator<Event[]> {
      try {
        if (!response.body) throw new StreamInterruptedError("the response has no body to stream", requestId);
        let last: DecodedEvent<object> | undefined;
        let done = false;
        for await (const messages of readSseBatches(
          response.body,
          requestId,
          options.idleTimeout,
          options.maxEventBytes,
        )) {
          const decoded: Event[] = [];
          try {
            for (const message of messages) {
              if (message.data === rule.done) {
                done = true;
                break;
              }
              last = decodeEvent(message, rule, requestId);
              decoded.push(last as Event);
            }
          } catch (error) {
            // The events before the bad one still reach the reader, then the error.
            if (decoded.length > 0) yield decoded;
            throw error;
          }
          if (decoded.length > 0) yield decoded;
          if (done) break;
        }
        if (!endedCompletely(rule, last, done)) {
          throw new StreamInterruptedError("the stream ended before its final event", requestId);
        }
      } catch (error) {
        throw redactError(error, options.secret);
      } finally {
        options.onEnd?.();
      }
    }
    // The stream carries its secret, for errors built from its items later (collectors).
    return keepSecret(useBatches(new Stream<Event>(noItems, controller, response), events), options.secret);
  }

  /** Rebuilds a stream from `toReadableStream()` output, e.g. on the client side of a route. */
  static fromReadableStream<Item>(body: ReadableStream<Uint8Array>, controller = new AbortController()): Stream<Item> {
    async function* lines(): AsyncGenerator<Item> {
      const reader = body.getReader();
      // An abort (a cancelled toReadableStream, `abort()`) ends a read that is waiting too.
      const onAbort = () => void reader.cancel(controller.signal.reason).catch(() => {});
      controller.signal.addEventListener("abort", onAbort, { once: true });
      const decoder = new TextDecoder();
      let buffer = "";
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let newline = buffer.indexOf("\n");
          while (newline >= 0) {
            const line = buffer.slice(0, newline);
            buffer = buffer.slice(newline + 1);
            if (line) yield parseLine<Item>(line);
            newline = buffer.indexOf("\n");
          }
        }
        buffer += decoder.decode();
        if (buffer.trim()) yield parseLine<Item>(buffer);
      } finally {
        controller.signal.removeEventListener("abort", onAbort);
        await reader.cancel().catch(() => {});
      }
    }
    return new Stream(() => lines(), controller);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item> {
    for await (const batch of readBatches(this)) {
      for (const item of batch) yield item;
    }
  }

  /** Cancels the request behind the stream. */
  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  /** A stream of `fn(item)` for each item (sharing this stream's request). */
  map<Out>(fn: (item: Item) => Out): Stream<Out> {
    const batches = () => readBatches(this);
    async function* mapped(): AsyncGenerator<Out[]> {
      for await (const batch of batches()) {
        const out: Out[] = [];
        try {
          for (const item of batch) out.push(fn(item));
        } catch (error) {
          if (out.length > 0) yield out;
          throw error;
        }
        yield out;
      }
    }
    return keepSecret(useBatches(new Stream<Out>(noItems, this.controller, this.response), mapped), secretOf(this));
  }

  /**
   * Two streams that each see every item. Items are buffered until both have read them,
   * so reading only one branch to the end holds the whole stream in memory.
   */
  tee(): [Stream<Item>, Stream<Item>] {
    const queues: Promise<IteratorResult<Item>>[][] = [[], []];
    const iterator = this[Symbol.asyncIterator]();
    // Each branch has its own controller; the request is aborted once both are.
    const controllers = [new AbortController(), new AbortController()] as const;
    for (const controller of controllers) {
      controller.signal.addEventListener("abort", () => {
        if (!controllers.every((c) => c.signal.aborted)) return;
        this.controller.abort();
        // Lets the source end (and release) rather than wait at its last item forever.
        void iterator.return?.(undefined).catch(() => {});
      });
    }
    const branch =
      (mine: Promise<IteratorResult<Item>>[]): Source<Item> =>
      () => ({
        next() {
          if (mine.length === 0) {
            const result = iterator.next();
            for (const queue of queues) queue.push(result);
          }
          return mine.shift() as Promise<IteratorResult<Item>>;
        },
      });
    const secret = secretOf(this);
    return [
      keepSecret(
        new Stream(branch(queues[0] as Promise<IteratorResult<Item>>[]), controllers[0], this.response),
        secret,
      ),
      keepSecret(
        new Stream(branch(queues[1] as Promise<IteratorResult<Item>>[]), controllers[1], this.response),
        secret,
      ),
    ];
  }

  /**
   * The items as newline-delimited JSON bytes, to return from a web `Response` in a route
   * handler. Cancelling the readable stream aborts the request behind it.
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    const encoder = new TextEncoder();
    let iterator: AsyncIterator<Item> | undefined;
    return new ReadableStream<Uint8Array>({
      start: () => {
        iterator = this[Symbol.asyncIterator]();
      },
      async pull(controller) {
        try {
          const { value, done } = await (iterator as AsyncIterator<Item>).next();
          if (done) controller.close();
          else controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
        } catch (error) {
          controller.error(error);
        }
      },
      cancel: async () => {
        // Aborted first: a read waiting on a silent server holds the iterator, so `return()`
        // alone would only run once the next byte (or the idle timeout) arrives.
        this.controller.abort();
        await iterator?.return?.().catch(() => {});
      },
    });
  }
}

/**
 * Reads a stream a batch of items at a time, with the rules of `for await`: once only, and
 * a reader that stops early aborts the request. For streams built on others.
 */
export async function* readBatches<Item>(stream: Stream<Item>): AsyncGenerator<Item[]> {
  if (consumed.has(stream)) {
    throw new FriendliError("this stream was already read; use tee() to read it twice");
  }
  consumed.add(stream);
  const iterator = (sources.get(stream) as BatchSource<Item>)();
  const { controller } = stream;
  // Only a reader that stops early aborts the request: when the source fails, it has
  // already released the body, and an abort here would make every stream built on this
  // one (map, tee) report the failure as a user abort.
  let stoppedEarly = true;
  try {
    for (;;) {
      let result: IteratorResult<Item[]>;
      try {
        result = await iterator.next();
      } catch (error) {
        stoppedEarly = false;
        // After an abort, whatever the read threw is the abort's doing.
        if (controller.signal.aborted) {
          throw new APIUserAbortError("the stream was aborted", { cause: controller.signal.reason });
        }
        throw error;
      }
      if (result.done) break;
      yield result.value;
    }
    stoppedEarly = false;
  } finally {
    if (stoppedEarly) {
      controller.abort();
      await iterator.return?.().catch(() => {});
    }
  }
}

/** Makes a new stream (of a subclass too) take its items from `batches`. */
export function useBatches<Item, S extends Stream<Item>>(stream: S, batches: BatchSource<Item>): S {
  sources.set(stream, batches as BatchSource<unknown>);
  return stream;
}
