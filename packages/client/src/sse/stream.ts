import { APIUserAbortError } from "../errors/connection-errors.ts";
import { FriendliError } from "../errors/friendli-error.ts";
import { ResponseTooLargeError } from "../errors/response-too-large-error.ts";
import { StreamInterruptedError, StreamParseError } from "../errors/stream-errors.ts";
import { DEFAULT_MAX_EVENT_BYTES } from "../transport/client-options.ts";
import { redactError } from "../transport/redact.ts";
import { keepSecret, secretOf } from "../transport/secret-of.ts";
import type { DecodedEvent } from "./decode-event.ts";
import { sseHelpers } from "./sse-helpers.ts";
import type { StreamRule } from "./stream-rule.ts";

// Long: the \`Stream\` class and the one loop that feeds it (\`readItems\`), with the small
// adapters between them; kept together so the whole life of a stream, from the body's bytes
// to the user's loop and its cleanup, reads in one place (the path was seven layers before).

export type Source<Item> = () => AsyncIterator<Item>;
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

/**
 * What a reader's `pick` gives for an event whose JSON data is `data`, read from the text
 * without parsing all of it: the text, null for nothing, or undefined when the data is not of
 * the one shape it knows (the event is then decoded as any other). It may recognise only
 * JSON objects with neither a `type` nor an `error` field, so such an event is never an
 * error event under any rule it is used with.
 */
export type PickFromJson = (data: string) => string | null | undefined;

/** Loads a `PickFromJson` on the stream's first read, so an app that never streams bundles none of it at start. */
export type LoadPickFromJson = () => Promise<PickFromJson>;

/** Where a stream takes its items from, kept off the public object. */
interface Feed {
  /** `loadFromJson` is used only by a feed that says so (`readsJson`): an SSE response's. */
  open: (loadFromJson?: LoadPickFromJson) => AsyncIterator<unknown[]>;
  readsJson?: boolean;
  /** What `map` made of each item: applied as the reader takes it, so no layer is added. */
  toItem?: (item: unknown) => unknown;
  /** The stream this one was mapped from: reading one reads both. */
  parent?: Stream<unknown>;
}

// Each stream's feed and the streams already read. Module state rather than a static block,
// which a bundler must keep: an app that never makes a stream bundles none of this.
const feeds = new WeakMap<object, Feed>();
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
 * The batches of an SSE response, from read-events.ts, which the first read loads: an app
 * that never reads a stream loads no SSE parser. Once loaded, `next` is the reader's own (no
 * layer added). A reader that cannot be loaded (a chunk the network lost) ends the stream
 * with StreamInterruptedError, its body cancelled. A `PickFromJson` that cannot be loaded
 * only costs speed: every event is then decoded the general way.
 */
function readEventsOnFirstRead(
  response: Response,
  options: SseStreamOptions,
  loadFromJson: LoadPickFromJson | undefined,
): AsyncIterator<(DecodedEvent<object> | string | null)[]> {
  const feed: AsyncIterator<(DecodedEvent<object> | string | null)[]> = {
    next: async () => {
      let readEvents: typeof import("./read-events.ts").readEvents;
      let fromJson: PickFromJson | undefined;
      try {
        [{ readEvents }, fromJson] = await Promise.all([
          import("./read-events.ts"),
          loadFromJson?.().catch(() => undefined),
        ]);
      } catch (cause) {
        await response.body?.cancel().catch(() => {});
        options.onEnd?.();
        const requestId = response.headers.get("x-request-id");
        throw new StreamInterruptedError("the stream's reader could not be loaded", requestId, { cause });
      }
      const reader = readEvents(response, options, sseHelpers, fromJson);
      feed.next = reader.next.bind(reader);
      if (reader.return) feed.return = reader.return.bind(reader);
      return reader.next();
    },
  };
  return feed;
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
    feeds.set(this, { open: () => singles(source()) });
    this.controller = controller;
    this.response = response;
  }

  /** Events of a `text/event-stream` response, decoded from JSON, until the rule's end. */
  static fromSSEResponse<Event = DecodedEvent>(
    response: Response,
    controller: AbortController,
    options: SseStreamOptions = {},
  ): Stream<Event> {
    const stream = new Stream<Event>(noItems, controller, response);
    feeds.set(stream, { open: (load) => readEventsOnFirstRead(response, options, load), readsJson: true });
    // The stream carries its secret: every error it throws is redacted with it, and so are
    // errors built from its items later (collectors).
    return keepSecret(stream, options.secret);
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
          // Only the new text is searched for the end of the line that is still open.
          const searched = buffer.length;
          buffer += decoder.decode(value, { stream: true });
          let newline = buffer.indexOf("\n", searched);
          while (newline >= 0) {
            const line = buffer.slice(0, newline);
            buffer = buffer.slice(newline + 1);
            if (line) yield parseLine<Item>(line);
            newline = buffer.indexOf("\n");
          }
          // The bytes come over the network (a route's response): one line is capped as an event is.
          if (buffer.length > DEFAULT_MAX_EVENT_BYTES) {
            throw new ResponseTooLargeError("one line of the stream", DEFAULT_MAX_EVENT_BYTES);
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

  [Symbol.asyncIterator](): AsyncGenerator<Item> {
    return readItems(this);
  }

  /** Cancels the request behind the stream. */
  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  /** A stream of `fn(item)` for each item (sharing this stream's request; reading it reads this one). */
  map<Out>(fn: (item: Item) => Out): Stream<Out> {
    const mapped = new Stream<Out>(noItems, this.controller, this.response);
    const { open, toItem, readsJson } = feeds.get(this) as Feed;
    const mapOne = fn as (item: unknown) => unknown;
    const mapAll = toItem ? (item: unknown) => mapOne(toItem(item)) : mapOne;
    feeds.set(mapped, { open, readsJson, toItem: mapAll, parent: this });
    return keepSecret(mapped, secretOf(this));
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
 * Opens a stream's feed, once: a stream mapped from another reads that one too. With
 * `loadFromJson`, says whether the feed uses it (its batches may then hold picked text and nulls).
 */
function openFeed(
  stream: Stream<unknown>,
  loadFromJson: LoadPickFromJson | undefined,
): [AsyncIterator<unknown[]>, Feed["toItem"], boolean] {
  const feed = feeds.get(stream) as Feed;
  for (let s: Stream<unknown> | undefined = stream; s; s = feeds.get(s)?.parent) {
    if (consumed.has(s)) throw new FriendliError("this stream was already read; use tee() to read it twice");
  }
  for (let s: Stream<unknown> | undefined = stream; s; s = feeds.get(s)?.parent) consumed.add(s);
  const picks = loadFromJson !== undefined && feed.readsJson === true;
  return [feed.open(picks ? loadFromJson : undefined), feed.toItem, picks];
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };
const NO_ITEMS: never[] = [];

/**
 * A stream's items, or `pick(item)` of each where that is not undefined (a family's text
 * deltas), with the rules of `for await`: read once, a reader that stops early (or a `pick`
 * that throws) aborts the request, and every error is redacted with the stream's secret.
 * It is the one layer between the body's reader and the caller's loop, written out rather
 * than an async generator: an item already read costs one resolved promise, no more.
 * `loadFromJson`, when given, loads a `PickFromJson` that must give what `pick` of the mapped
 * item would for the shapes it knows; an SSE stream then applies it to an event's text before
 * any parse.
 */
export function readItems<Item, Out = Item>(
  stream: Stream<Item>,
  pick?: (item: Item) => Out | undefined,
  loadFromJson?: LoadPickFromJson,
): AsyncGenerator<Out, undefined> {
  let iterator: AsyncIterator<unknown[]> | undefined;
  let toItem: Feed["toItem"];
  // The feed picks text itself: a string in a batch is picked text, null is an event with none.
  let picked = false;
  let batch: unknown[] = NO_ITEMS;
  let at = 0;
  let finished = false;
  // A read of the feed in flight: a next() or return() meanwhile waits for it.
  let busy: Promise<unknown> | undefined;
  const idle = () => {
    busy = undefined;
  };
  /** The next item of the batch at hand, if it has one. */
  const take = (): IteratorYieldResult<Out> | undefined => {
    while (at < batch.length) {
      const raw = batch[at++];
      if (picked) {
        if (raw === null) continue;
        if (typeof raw === "string") return { done: false, value: raw as Out };
      }
      const item = (toItem ? toItem(raw) : raw) as Item;
      const out = pick ? pick(item) : (item as unknown as Out);
      if (out !== undefined || !pick) return { done: false, value: out as Out };
    }
    return undefined;
  };
  /** Stopping before the end (break, or a `map`/`pick` that threw): abort, and release the feed. */
  const stop = async () => {
    if (finished) return;
    finished = true;
    batch = NO_ITEMS;
    if (iterator) {
      stream.controller.abort();
      await iterator.return?.().catch(() => {});
    }
  };
  const fail = async (error: unknown): Promise<never> => {
    await stop();
    throw redactError(error, secretOf(stream));
  };
  const pull = async (): Promise<IteratorResult<Out, undefined>> => {
    if (!iterator) {
      try {
        [iterator, toItem, picked] = openFeed(stream, loadFromJson);
      } catch (error) {
        finished = true;
        throw error;
      }
    }
    for (;;) {
      let result: IteratorResult<unknown[]>;
      try {
        result = await iterator.next();
      } catch (error) {
        // The feed failed and released the body itself: no abort, the error as it is.
        finished = true;
        throw redactError(fromFeed(error, stream.controller), secretOf(stream));
      }
      if (result.done) {
        finished = true;
        return DONE;
      }
      batch = result.value;
      at = 0;
      let ready: IteratorYieldResult<Out> | undefined;
      try {
        ready = take();
      } catch (error) {
        return fail(error);
      }
      if (ready) return ready;
    }
  };
  const reader: AsyncGenerator<Out, undefined> = {
    next() {
      if (busy) return busy.then(() => reader.next());
      let ready: IteratorYieldResult<Out> | undefined;
      try {
        ready = take();
      } catch (error) {
        return fail(error);
      }
      if (ready) return Promise.resolve(ready);
      if (finished) return Promise.resolve(DONE);
      const pulled = pull();
      busy = pulled.then(idle, idle);
      return pulled;
    },
    async return() {
      if (busy) await busy;
      await stop();
      return DONE;
    },
    async throw(error: unknown) {
      await reader.return(undefined);
      throw error;
    },
    [Symbol.asyncIterator]() {
      return reader;
    },
  };
  return reader;
}

/** After an abort, whatever the read threw is the abort's doing. */
function fromFeed(error: unknown, controller: AbortController): unknown {
  return controller.signal.aborted
    ? new APIUserAbortError("the stream was aborted", { cause: controller.signal.reason })
    : error;
}

/** Makes a new stream take its items from `batches`. */
export function useBatches<Item, S extends Stream<Item>>(stream: S, batches: BatchSource<Item>): S {
  feeds.set(stream, { open: batches as Feed["open"] });
  return stream;
}
