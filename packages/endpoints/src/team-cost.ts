import { type CallOptions, type FriendliClient, prepareCall } from "@friendli-ts/client";
import type { PagedItems, PaginationOptions } from "./paginate-by-cursor.ts";
import { paginateByPage } from "./paginate-by-page.ts";
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
    const { client: api, header, signal, headers } = prepareCall(client, options);
    const { data } = await api.GET("/v1/team/cost", {
      params: { query: { ...query, ...range }, header },
      signal,
      headers,
    });
    return data;
  };
  return {
    get,
    getAll(query, options) {
      readTimeRange(query.start_time, query.end_time, "day");
      return paginateByPage(get, query, options);
    },
  };
}
