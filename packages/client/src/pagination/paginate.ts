import { InvalidResponseError } from "../errors/invalid-response-error.ts";
import { PageLimitError } from "../errors/page-limit-error.ts";
import { PagedItems } from "./paged-items.ts";
import { RecentCursors } from "./recent-cursors.ts";

/** One page as a list needs to tell it: its items and the token of the next page. */
export interface Page<Item> {
  items: readonly Item[];
  /** null, undefined or "" means there is no next page. */
  next: unknown;
  /** The answer the page came from, for the status and headers of an error about it. */
  response?: Response | undefined;
}

/**
 * Pages in a row with no items that end a walk. A list may skip over an empty page (one
 * filtered on the server after paging, as Google's AIP-158 allows), so one is walked
 * through; a server handing out fresh cursors for nothing but empty pages is not walked on.
 */
export const MAX_EMPTY_PAGES_IN_A_ROW = 3;

/**
 * Cursors remembered to tell a loop: a server cycling through more than this many ends at
 * `maxPages` instead. 1,024 fingerprints are about 40 KB whatever the cursors' length.
 */
export const CURSOR_WINDOW = 1_024;

/**
 * Characters a next-page token may have. Real cursors are tens of characters; one that
 * goes in a URL past this is a broken or hostile server, and is not sent back.
 */
const MAX_CURSOR_CHARS = 4_096;

/**
 * Follows page tokens (cursors, page numbers) until there is none, for every `listAll`.
 * Whatever the server sends, the walk ends, in bounded memory: on a token seen within the
 * last CURSOR_WINDOW pages, after MAX_EMPTY_PAGES_IN_A_ROW pages that bring no items, and at
 * the client's `maxPages` with a PageLimitError. A page whose items are not a list, or a token
 * longer than MAX_CURSOR_CHARS, is an InvalidResponseError. `first` is where to start (a
 * token the caller kept), if anywhere. `source` is what holds the client's options: a client
 * or a call core.
 */
export function paginate<Item>(
  source: { readonly options: { readonly maxPages: number } },
  first: string | null | undefined,
  fetchPage: (token: string | undefined) => Promise<Page<Item>>,
): PagedItems<Item> {
  const { maxPages } = source.options;
  return new PagedItems(async function* () {
    const seen = new RecentCursors(CURSOR_WINDOW);
    let token = first || undefined;
    if (token) seen.add(token);
    let emptyInARow = 0;
    for (let pages = 1; ; pages++) {
      const page = await fetchPage(token);
      const { items, next } = page;
      // Checked before it is walked: a string would be walked a character at a time.
      if (!Array.isArray(items)) throw badPage(page, "its items are not a list");
      yield* items;
      emptyInARow = items.length === 0 ? emptyInARow + 1 : 0;
      if (emptyInARow >= MAX_EMPTY_PAGES_IN_A_ROW) return;
      if (typeof next !== "string" || next === "") return;
      if (next.length > MAX_CURSOR_CHARS) {
        throw badPage(page, `its next-page token has ${next.length} characters, more than ${MAX_CURSOR_CHARS}`);
      }
      if (seen.has(next)) return;
      if (pages >= maxPages) throw new PageLimitError(maxPages);
      seen.add(next);
      token = next;
    }
  });
}

/** Nothing of the page is quoted: the error needs no secret to remove. */
function badPage(page: Page<unknown>, problem: string): InvalidResponseError {
  const { response } = page;
  return new InvalidResponseError(`a page of the list has the wrong shape: ${problem}`, {
    status: response?.status ?? 200,
    headers: response?.headers ?? new Headers(),
    body: "",
  });
}
