import { InvalidInputError } from "@friendli-ts/client";

export interface PaginationOptions {
  /** Stop after yielding this many items, without asking for more pages. */
  maxItems?: number;
  /** Stop after reading this many pages. */
  maxPages?: number;
}

/** One page as the paginator needs it: its items and the token for the next one. */
export interface CursorPage<Item> {
  items: Item[];
  /** null, undefined or "" means there is no next page. */
  next: string | null | undefined;
}

/** Every item across pages, fetched lazily; each `for await` starts again from the first page. */
export class PagedItems<Item> implements AsyncIterable<Item> {
  readonly #produce: () => AsyncGenerator<Item>;

  constructor(produce: () => AsyncGenerator<Item>) {
    this.#produce = produce;
  }

  [Symbol.asyncIterator](): AsyncGenerator<Item> {
    return this.#produce();
  }

  /** Reads every item into an array (mind `maxItems` on large lists). */
  async toArray(): Promise<Item[]> {
    const all: Item[] = [];
    for await (const item of this) all.push(item);
    return all;
  }
}

function optionalCount(name: string, value: number | undefined): number {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  if (!Number.isInteger(value) || value < 0) {
    throw new InvalidInputError(`${name} must be a whole number of 0 or more, got ${String(value)}`);
  }
  return value;
}

/**
 * Follows next-page tokens until there is none. A token seen before ends the walk too:
 * a server that hands back an old cursor would otherwise loop forever.
 */
export function paginateByCursor<Item>(
  fetchPage: (cursor: string | undefined) => Promise<CursorPage<Item>>,
  options: PaginationOptions & { firstCursor?: string | null } = {},
): PagedItems<Item> {
  // Checked now, before any request, not on the first `next()`.
  const maxItems = optionalCount("maxItems", options.maxItems);
  const maxPages = optionalCount("maxPages", options.maxPages);
  const firstCursor = options.firstCursor || undefined;

  return new PagedItems(async function* () {
    const seen = new Set<string>();
    if (firstCursor) seen.add(firstCursor);
    let cursor = firstCursor;
    let yielded = 0;
    for (let pages = 0; pages < maxPages && yielded < maxItems; pages++) {
      const page = await fetchPage(cursor);
      for (const item of page.items) {
        if (yielded >= maxItems) return;
        yield item;
        yielded++;
      }
      const next = page.next;
      if (typeof next !== "string" || next === "" || seen.has(next)) return;
      seen.add(next);
      cursor = next;
    }
  });
}
