import { type CallOptions, type FriendliClient, prepareCall } from "@friendli-ts/client";
import type { PagedItems, PaginationOptions } from "./paginate-by-cursor.ts";
import { paginateByPage } from "./paginate-by-page.ts";
import type { UsageBucket, UsagePage, UsageQuery } from "./spec-types.ts";
import { readTimeRange, type TimeAlignment } from "./time-range.ts";

export interface TeamUsage {
  /**
   * One page of usage buckets. Times must sit on the bucket width: midnight UTC for `1d`
   * (the default), a whole hour for `1h`, a multiple of 5 minutes for `5m`.
   */
  get(query: UsageQuery, options?: CallOptions): Promise<UsagePage>;
  /** Every bucket across pages; `limit` is the page size. */
  getAll(query: UsageQuery, options?: CallOptions & PaginationOptions): PagedItems<UsageBucket>;
}

// With no width given the API uses 1d, so the day rule applies.
function alignmentFor(bucketWidth: UsageQuery["bucket_width"]): TimeAlignment {
  if (bucketWidth === "1h") return "hour";
  if (bucketWidth === "5m") return "5m";
  return "day";
}

export function teamUsage(client: FriendliClient): TeamUsage {
  const range = (query: UsageQuery) =>
    readTimeRange(query.start_time, query.end_time, alignmentFor(query.bucket_width));
  const get = async (query: UsageQuery, options?: CallOptions): Promise<UsagePage> => {
    const times = range(query);
    const { client: api, header, signal, headers } = prepareCall(client, options);
    const { data } = await api.GET("/v1/team/usage", {
      params: { query: { ...query, ...times }, header },
      signal,
      headers,
    });
    return data;
  };
  return {
    get,
    getAll(query, options) {
      range(query);
      return paginateByPage(get, query, options);
    },
  };
}
