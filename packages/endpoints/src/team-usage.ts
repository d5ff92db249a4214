import type { CallOptions, FriendliClient, PagedItems } from "@friendli-ts/client";
import { paginate } from "@friendli-ts/client/internal";
import { nextPageToken } from "./next-page-token.ts";
import type { UsageBucket, UsagePage, UsageQuery } from "./spec-types.ts";
import { readTimeRange, type TimeAlignment } from "./time-range.ts";

export interface TeamUsage {
  /**
   * One page of usage buckets. Times must sit on the bucket width: midnight UTC for `1d`
   * (the default), a whole hour for `1h`, a multiple of 5 minutes for `5m`.
   */
  get(query: UsageQuery, options?: CallOptions): Promise<UsagePage>;
  /** Every bucket across pages, fetched as you read; `limit` is the page size. */
  listAll(query: UsageQuery, options?: CallOptions): PagedItems<UsageBucket>;
}

// With no width given the API uses 1d, so the day rule applies.
function alignmentFor(bucketWidth: UsageQuery["bucket_width"]): TimeAlignment {
  if (bucketWidth === "1h") return "hour";
  if (bucketWidth === "5m") return "5m";
  return "day";
}

const readUsageRange = (query: UsageQuery) =>
  readTimeRange(query.start_time, query.end_time, alignmentFor(query.bucket_width));

export function teamUsage(client: FriendliClient): TeamUsage {
  const get = async (query: UsageQuery, options?: CallOptions): Promise<UsagePage> => {
    const { data } = await client.GET("/v1/team/usage", {
      ...options,
      params: { query: { ...query, ...readUsageRange(query) } },
    });
    return data;
  };
  return {
    get,
    listAll(query, options) {
      // Checked now, before any request, not on the first `next()`.
      readUsageRange(query);
      return paginate(client, query.page, async (page) => {
        const answer = await get({ ...query, page }, options);
        return { items: answer.data ?? [], next: nextPageToken(answer) };
      });
    },
  };
}
