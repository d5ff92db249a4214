import type { CallOptions } from "@friendli-ts/client";
import { nextPageToken } from "./next-page-token.ts";
import { type PagedItems, type PaginationOptions, paginateByCursor } from "./paginate-by-cursor.ts";

interface NumberedPage<Item> {
  data?: Item[] | null;
  has_more?: unknown;
  next_page?: unknown;
}

/**
 * Every item of a listing paged by `page` / `next_page` / `has_more` (team cost and
 * usage), through the same walk as the cursor listings: it stops on a missing, empty or
 * repeated page token, and at `maxItems` or `maxPages`.
 */
export function paginateByPage<Query extends { page?: string | null }, Item>(
  get: (query: Query, options?: CallOptions) => Promise<NumberedPage<Item>>,
  query: Query,
  options: CallOptions & PaginationOptions = {},
): PagedItems<Item> {
  const { maxItems, maxPages, ...call } = options;
  return paginateByCursor(
    async (page) => {
      const answer = await get({ ...query, page }, call);
      return { items: answer.data ?? [], next: nextPageToken(answer) };
    },
    { maxItems, maxPages, firstCursor: query.page },
  );
}
