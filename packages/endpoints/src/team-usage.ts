import type { CallOptions, PagedItems } from "@friendli-ts/client";
import { type CallCore, notAnObject, requestData } from "@friendli-ts/client/internal";
import { getUsage } from "@friendli-ts/client/routes";
import { dataIsAListOfBuckets } from "./answer-problems.ts";
import { bucketPages } from "./bucket-pages.ts";
import { readTimeRange, type TimeAlignment } from "./read-time-range.ts";
import type { UsageBucket, UsagePage, UsageQuery } from "./spec-types.ts";

/**
 * Usage buckets: `get` one page, `listAll` every bucket. Times must sit on the bucket width:
 * midnight UTC for `1d` (the default), a whole hour for `1h`, a multiple of 5 minutes for `5m`.
 */
export interface TeamUsage {
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

export const teamUsage = (core: CallCore): TeamUsage =>
  bucketPages(core, readUsageRange, (query, options) =>
    requestData(
      core,
      "endpoints.usage.get",
      { route: getUsage, params: { query } },
      options,
      notAnObject,
      dataIsAListOfBuckets,
    ),
  );

/** The spec operations this file calls, by method name (collected in operation-methods.ts). */
export const teamUsageMethods = {
  getUsage: "usage.get",
} as const;
