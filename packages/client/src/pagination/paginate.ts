import { PageLimitError } from "../errors/page-limit-error.ts";
import { PagedItems } from "./paged-items.ts";

/** One page as a list needs to tell it: its items and the token of the next page. */
export interface Page<Item> {
  items: readonly Item[];
  /** null, undefined or "" means there is no next page. */
  next: unknown;
}

/**
 * Pages in a row with no items that end a walk. A list may skip over an empty page (one
 * filtered on the server after paging, as Google's AIP-158 allows), so one is walked
 * through; a server handing out fresh cursors for nothing but empty pages is not walked on.
 */
export const MAX_EMPTY_PAGES_IN_A_ROW = 3;

/**
 * Follows page tokens (cursors, page numbers) until there is none, for every `listAll`.
 * Whatever the server sends, the walk ends: on a token seen before, after
 * MAX_EMPTY_PAGES_IN_A_ROW pages that bring no items, and at the client's `maxPages` with
 * a PageLimitError. `first` is where to start (a token the caller kept), if anywhere.
 * `source` is what holds the client's options: a client or a call core.
 */
export function paginate<Item>(
  source: { readonly options: { readonly maxPages: number } },
  first: string | null | undefined,
  fetchPage: (token: string | undefined) => Promise<Page<Item>>,
): PagedItems<Item> {
  const { maxPages } = source.options;
  return new PagedItems(async function* () {
    const seen = new Set<string>();
    let token = first || undefined;
    if (token) seen.add(token);
    let emptyInARow = 0;
    for (let pages = 1; ; pages++) {
      const page = await fetchPage(token);
      yield* page.items;
      emptyInARow = page.items.length === 0 ? emptyInARow + 1 : 0;
      if (emptyInARow >= MAX_EMPTY_PAGES_IN_A_ROW) return;
      const next = page.next;
      if (typeof next !== "string" || next === "" || seen.has(next)) return;
      if (pages >= maxPages) throw new PageLimitError(maxPages);
      seen.add(next);
      token = next;
    }
  });
}
