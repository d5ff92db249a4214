import type { CallOptions, PagedItems } from "@friendli-ts/client";
import { type CallCore, notAnObject, requestData } from "@friendli-ts/client/internal";
import { getCost } from "@friendli-ts/client/routes";
import { dataIsAListOfBuckets } from "./answer-problems.ts";
import { bucketPages } from "./bucket-pages.ts";
import { readTimeRange } from "./read-time-range.ts";
import type { CostBucket, CostPage, CostQuery } from "./spec-types.ts";

/** Daily cost buckets: `get` one page, `listAll` every bucket. Times must be midnight UTC, start before end. */
export interface TeamCost {
  get(query: CostQuery, options?: CallOptions): Promise<CostPage>;
  /** Every bucket across pages, fetched as you read; `limit` is the page size. */
  listAll(query: CostQuery, options?: CallOptions): PagedItems<CostBucket>;
}

// The API only takes whole days for cost (its one bucket width is 1d).
const readCostRange = (query: CostQuery) => readTimeRange(query.start_time, query.end_time, "day");

export const teamCost = (core: CallCore): TeamCost =>
  bucketPages(core, readCostRange, (query, options) =>
    requestData(
      core,
      "endpoints.cost.get",
      { route: getCost, params: { query } },
      options,
      notAnObject,
      dataIsAListOfBuckets,
    ),
  );

/** The spec operations this file calls, by method name (collected in operation-methods.ts). */
export const teamCostMethods = {
  getCost: "cost.get",
} as const;
