import type { CallOptions, PagedItems } from "@friendli-ts/client";
import { type CallCore, checkedAnswer, makeRequest, notAnObject, paginate } from "@friendli-ts/client/internal";
import { getUsage } from "@friendli-ts/client/routes";
import { dataIsAListOfBuckets } from "./answer-problems.ts";
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

export function teamUsage(core: CallCore): TeamUsage {
  const get = async (query: UsageQuery, options?: CallOptions): Promise<UsagePage> => {
    const params = { query: { ...query, ...readUsageRange(query) } };
    const answer = await makeRequest(core, { route: getUsage, params }, options);
    // listAll walks `data` and reads the page fields.
    return checkedAnswer(core, answer, "endpoints.usage.get", notAnObject, dataIsAListOfBuckets);
  };
  return {
    get,
    listAll(query, options) {
      // Checked now, before any request, not on the first `next()`.
      readUsageRange(query);
      return paginate(core, query.page, async (page) => {
        const answer = await get({ ...query, page }, options);
        return { items: answer.data, next: nextPageToken(answer) };
      });
    },
  };
}
