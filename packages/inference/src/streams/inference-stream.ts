import { Stream } from "@friendli-ts/client";
import { keepSecret, type LoadPickFromJson, readItems, redactError, secretOf } from "@friendli-ts/client/internal";

/** How one family's stream items carry text, and how they add up to a final result. */
export interface StreamKind<Item, Final> {
  /** The answer text an item adds, if any. */
  textOf(item: Item): string | undefined;
  /** The reasoning text an item adds, if any (kept apart from the answer). */
  reasoningOf(item: Item): string | undefined;
  /** Reads every item and returns the complete result. */
  collect(items: AsyncIterable<Item>): Promise<Final>;
}

// Streams whose items are their events' data as sent, with the kind's reader of the answer
// text straight from an event's JSON (`loadTextOfJson`): set by `readsTextFromJson` only.
const textFromJson = new WeakMap<object, LoadPickFromJson>();

/**
 * Lets `textDeltas()` of a stream whose items are its events' JSON data, unchanged, read the
 * text from the event's JSON text for the shapes `loadTextOfJson`'s reader knows (`textOf` for the rest).
 */
export function readsTextFromJson<S extends InferenceStream<unknown, unknown>>(
  stream: S,
  loadTextOfJson: LoadPickFromJson | undefined,
): S {
  if (loadTextOfJson) textFromJson.set(stream, loadTextOfJson);
  return stream;
}

/**
 * A stream of one inference family's items with helpers on top: only the text deltas,
 * only the reasoning deltas, or the complete result once the stream ends. `break`,
 * `tee()`, `toReadableStream()` and `controller` work as on any `Stream`: it holds one and
 * reads it, adding no layer of its own between the response body and your loop.
 */
export class InferenceStream<Item, Final> implements AsyncIterable<Item> {
  readonly kind: StreamKind<Item, Final>;
  /** Aborting it cancels the request behind the stream. */
  readonly controller: AbortController;
  /** The HTTP response, when the stream came from one. */
  readonly response: Response | undefined;
  readonly #stream: Stream<Item>;

  private constructor(stream: Stream<Item>, kind: StreamKind<Item, Final>) {
    this.#stream = stream;
    this.kind = kind;
    this.controller = stream.controller;
    this.response = stream.response;
  }

  /** Adds a family's helpers to a stream of its items; both share the request's controller. */
  static from<Item, Final>(stream: Stream<Item>, kind: StreamKind<Item, Final>): InferenceStream<Item, Final> {
    return keepSecret(new InferenceStream(stream, kind), secretOf(stream));
  }

  /** Rebuilds a stream from `toReadableStream()` bytes, e.g. in the browser behind a route. */
  static fromReadable<Item, Final>(
    body: ReadableStream<Uint8Array>,
    kind: StreamKind<Item, Final>,
  ): InferenceStream<Item, Final> {
    return InferenceStream.from(Stream.fromReadableStream<Item>(body), kind);
  }

  /** The items as they arrive, for `for await`; leaving the loop early aborts the request. */
  [Symbol.asyncIterator](): AsyncGenerator<Item> {
    return this.#stream[Symbol.asyncIterator]();
  }

  /** Cancels the request behind the stream. */
  abort(reason?: unknown): void {
    this.#stream.abort(reason);
  }

  /** A stream of `fn(item)` for each item (sharing this stream's request; reading it reads this one). */
  map<Out>(fn: (item: Item) => Out): Stream<Out> {
    return this.#stream.map(fn);
  }

  /**
   * Two streams that each see every item. Items are buffered until both have read them,
   * so reading only one branch to the end holds the whole stream in memory.
   */
  tee(): [InferenceStream<Item, Final>, InferenceStream<Item, Final>] {
    const [a, b] = this.#stream.tee();
    return [InferenceStream.from(a, this.kind), InferenceStream.from(b, this.kind)];
  }

  /**
   * The items as newline-delimited JSON bytes, to return from a web `Response` in a route
   * handler. Cancelling the readable stream aborts the request behind it.
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    return this.#stream.toReadableStream();
  }

  /** The answer text as it arrives, skipping items that carry none. */
  textDeltas(): AsyncGenerator<string> {
    const { textOf } = this.kind;
    // Errors (a wrongly shaped item's quotes it: server text) are redacted by readItems.
    return readItems(this.#stream, (item) => textOf(item) || undefined, textFromJson.get(this));
  }

  /** The reasoning text as it arrives (for models that think before answering). */
  reasoningDeltas(): AsyncGenerator<string> {
    const { reasoningOf } = this.kind;
    return readItems(this.#stream, (item) => reasoningOf(item) || undefined);
  }

  /** Reads the stream to its end and returns the complete result. */
  finalResult(): Promise<Final> {
    const secret = secretOf(this.#stream);
    // A collector's error quotes the items (a tool call's JSON): server text, redacted here
    // for every family at once. The result carries the stream's secret on, as a call's
    // result does (for runTools).
    return this.kind.collect(this).then(
      (result) => keepSecret(result, secret),
      (error: unknown) => {
        // A collector that failed before it read (its code could not be loaded) would
        // leave the request open; after a read, the abort does nothing.
        this.#stream.abort();
        throw redactError(error, secret);
      },
    );
  }

  /** Reads the stream to its end and returns the answer text. */
  async finalText(): Promise<string> {
    let text = "";
    for await (const delta of this.textDeltas()) text += delta;
    return text;
  }
}
