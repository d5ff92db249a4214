import type { FriendliClient } from "@friendli-ts/client";
import { type CallOptions, callParts } from "./call-options.ts";
import { nextPageToken } from "./next-page-token.ts";
import { type PagedItems, type PaginationOptions, paginateByCursor } from "./paginate-by-cursor.ts";
import type { CostBucket, CostPage, CostQuery } from "./spec-types.ts";
import { readTimeRange } from "./time-range.ts";

export interface TeamCost {
  /** One page of daily cost buckets. Times must be midnight UTC, start before end. */
  get(query: CostQuery, options?: CallOptions): Promise<CostPage>;
  /** Every bucket across pages; `limit` is the page size. */
  getAll(query: CostQuery, options?: CallOptions & PaginationOptions): PagedItems<CostBucket>;
}

export function teamCost(client: FriendliClient): TeamCost {
  const get = async (query: CostQuery, options?: CallOptions): Promise<CostPage> => {
    // The API only takes whole days for cost (its one bucket width is 1d).
    const range = readTimeRange(query.start_time, query.end_time, "day");
    const { header, signal } = callParts(options);
    const { data } = await client.GET("/v1/team/cost", { params: { query: { ...query, ...range }, header }, signal });
    return data;
  };
  return {
    get,
    getAll(query, options = {}) {
      readTimeRange(query.start_time, query.end_time, "day");
      const { maxItems, maxPages, ...call } = options;
      return paginateByCursor(
        async (page) => {
          const answer = await get({ ...query, page }, call);
          return { items: answer.data ?? [], next: nextPageToken(answer) };
        },
        { maxItems, maxPages, firstCursor: query.page },
      );
    },
  };
}
