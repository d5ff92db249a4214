import { PagedItems } from "./paged-items.ts";

/** One page as a list needs to tell it: its items and the token of the next page. */
export interface Page<Item> {
  items: readonly Item[];
  /** null, undefined or "" means there is no next page. */
  next: unknown;
}

/**
 * Follows page tokens (cursors, page numbers) until there is none. A token seen before ends
 * the walk too: a server that hands back an old token would otherwise loop forever.
 * `first` is where to start (a token the caller kept).
 */
export function paginate<Item>(
  fetchPage: (token: string | undefined) => Promise<Page<Item>>,
  first?: string | null,
): PagedItems<Item> {
  return new PagedItems(async function* () {
    const seen = new Set<string>();
    let token = first || undefined;
    if (token) seen.add(token);
    for (;;) {
      const page = await fetchPage(token);
      yield* page.items;
      const next = page.next;
      if (typeof next !== "string" || next === "" || seen.has(next)) return;
      seen.add(next);
      token = next;
    }
  });
}
