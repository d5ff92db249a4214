import { Stream } from "@friendli-ts/client";
import { keepSecret, readBatches, redactError, secretOf, useBatches } from "@friendli-ts/client/internal";

const noItems = (): AsyncIterator<never> => ({ next: async () => ({ done: true, value: undefined }) });

/** How one family's stream items carry text, and how they add up to a final result. */
export interface StreamKind<Item, Final> {
  /** The answer text an item adds, if any. */
  textOf(item: Item): string | undefined;
  /** The reasoning text an item adds, if any (kept apart from the answer). */
  reasoningOf(item: Item): string | undefined;
  /** Reads every item and returns the complete result. */
  collect(items: AsyncIterable<Item>): Promise<Final>;
}

/**
 * A `Stream` of one inference family's items with helpers on top: only the text deltas,
 * only the reasoning deltas, or the complete result once the stream ends. `break`,
 * `tee()`, `toReadableStream()` and `controller` work as on any `Stream`.
 */
export class InferenceStream<Item, Final> extends Stream<Item> {
  readonly kind: StreamKind<Item, Final>;

  private constructor(
    source: () => AsyncIterator<Item>,
    controller: AbortController,
    response: Response | undefined,
    kind: StreamKind<Item, Final>,
  ) {
    super(source, controller, response);
    this.kind = kind;
  }

  /** Adds a family's helpers to a stream of its items; both share the request's controller. */
  static from<Item, Final>(stream: Stream<Item>, kind: StreamKind<Item, Final>): InferenceStream<Item, Final> {
    // Batch by batch, as the stream reads its body: no promise per item between the layers.
    const helped = new InferenceStream(noItems, stream.controller, stream.response, kind);
    return keepSecret(
      useBatches(helped, () => readBatches(stream)),
      secretOf(stream),
    );
  }

  /** Rebuilds a stream from `toReadableStream()` bytes, e.g. in the browser behind a route. */
  static fromReadable<Item, Final>(
    body: ReadableStream<Uint8Array>,
    kind: StreamKind<Item, Final>,
  ): InferenceStream<Item, Final> {
    return InferenceStream.from(Stream.fromReadableStream<Item>(body), kind);
  }

  /** The answer text as it arrives, skipping items that carry none. */
  textDeltas(): AsyncGenerator<string> {
    return this.#deltas(this.kind.textOf);
  }

  /** The reasoning text as it arrives (for models that think before answering). */
  reasoningDeltas(): AsyncGenerator<string> {
    return this.#deltas(this.kind.reasoningOf);
  }

  async *#deltas(textOf: (item: Item) => string | undefined): AsyncGenerator<string> {
    try {
      for await (const batch of readBatches(this)) {
        for (const item of batch) {
          const text = textOf(item);
          if (text) yield text;
        }
      }
    } catch (error) {
      // A wrongly shaped item's error quotes it: server text.
      throw redactError(error, secretOf(this));
    }
  }

  /** Reads the stream to its end and returns the complete result. */
  finalResult(): Promise<Final> {
    // A collector's error quotes the items (a tool call's JSON): server text, redacted here
    // for every family at once.
    // The result carries the stream's secret on, as a call's result does (for runTools).
    return this.kind.collect(this).then(
      (result) => keepSecret(result, secretOf(this)),
      (error: unknown) => {
        throw redactError(error, secretOf(this));
      },
    );
  }

  /** Reads the stream to its end and returns the answer text. */
  async finalText(): Promise<string> {
    let text = "";
    for await (const delta of this.textDeltas()) text += delta;
    return text;
  }

  override tee(): [InferenceStream<Item, Final>, InferenceStream<Item, Final>] {
    const [a, b] = super.tee();
    return [InferenceStream.from(a, this.kind), InferenceStream.from(b, this.kind)];
  }
}
