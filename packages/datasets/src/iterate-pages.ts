/** One page of a cursor-paginated list, as the spec's list responses shape it. */
export interface Page<Item> {
  data: Item[];
  nextCursor?: unknown;
}

/**
 * Walks a cursor-paginated list. Stops on a null cursor, an empty page, or a cursor the
 * server already gave (a server stuck on one cursor must not loop forever).
 *
 * The cursor stays opaque: the spec marks it `format: binary`, so the generated types call
 * it a Blob, while the wire carries a string; the server's value is handed back untouched.
 */
export async function* iteratePages<Item>(fetchPage: (cursor: unknown) => Promise<Page<Item>>): AsyncGenerator<Item> {
  const seen = new Set<unknown>();
  let cursor: unknown;
  for (;;) {
    const page = await fetchPage(cursor);
    yield* page.data;
    const next = page.nextCursor;
    if (next === null || next === undefined || page.data.length === 0 || seen.has(next)) return;
    seen.add(next);
    cursor = next;
  }
}
