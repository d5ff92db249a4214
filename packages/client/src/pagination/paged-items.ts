import { InvalidInputError } from "../errors/friendli-error.ts";

/**
 * Every item of a paginated list, fetched page by page as you read: `for await` over the
 * items (a `break` stops fetching), or `toArray(maxItems)`. Each `for await` starts again
 * from the first page.
 */
export class PagedItems<Item> implements AsyncIterable<Item> {
  readonly #produce: () => AsyncGenerator<Item>;

  constructor(produce: () => AsyncGenerator<Item>) {
    this.#produce = produce;
  }

  [Symbol.asyncIterator](): AsyncGenerator<Item> {
    return this.#produce();
  }

  /** The items in an array: all of them, or the first `maxItems` (no page past them is fetched). */
  async toArray(maxItems = Number.POSITIVE_INFINITY): Promise<Item[]> {
    if (maxItems !== Number.POSITIVE_INFINITY && (!Number.isInteger(maxItems) || maxItems < 0)) {
      throw new InvalidInputError(`maxItems must be a whole number of 0 or more, got ${String(maxItems)}`);
    }
    const all: Item[] = [];
    if (maxItems === 0) return all;
    for await (const item of this) {
      all.push(item);
      if (all.length >= maxItems) break;
    }
    return all;
  }
}
