import type { PagedItems } from "@friendli-ts/client";
import { type CallCore, paginate } from "@friendli-ts/client/internal";

/** A datasets list page: its items in `data`, and `nextCursor` for the next page. */
interface CursorPage<Item> {
  data: readonly Item[];
  nextCursor?: string | null | undefined;
}

/** Every `listAll` of this package: the list's pages from `first` on (a cursor the caller kept), walked as read. */
export function cursorPages<Item>(
  core: CallCore,
  first: string | null | undefined,
  list: (cursor: string | undefined) => Promise<CursorPage<Item>>,
): PagedItems<Item> {
  return paginate(core, first, async (cursor) => {
    const page = await list(cursor);
    return { items: page.data, next: page.nextCursor };
  });
}
