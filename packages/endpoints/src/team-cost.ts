import type { CallOptions, PagedItems } from "@friendli-ts/client";
import { type CallCore, checkedAnswer, makeRequest, notAnObject, paginate } from "@friendli-ts/client/internal";
import { getCost } from "@friendli-ts/client/routes";
import { dataIsAListOfBuckets } from "./answer-problems.ts";
import { nextPageToken } from "./next-page-token.ts";
import type { CostBucket, CostPage, CostQuery } from "./spec-types.ts";
import { readTimeRange } from "./time-range.ts";

export interface TeamCost {
  /** One page of daily cost buckets. Times must be midnight UTC, start before end. */
  get(query: CostQuery, options?: CallOptions): Promise<CostPage>;
  /** Every bucket across pages, fetched as you read; `limit` is the page size. */
  listAll(query: CostQuery, options?: CallOptions): PagedItems<CostBucket>;
}

// The API only takes whole days for cost (its one bucket width is 1d).
const readCostRange = (query: CostQuery) => readTimeRange(query.start_time, query.end_time, "day");

export function teamCost(core: CallCore): TeamCost {
  const get = async (query: CostQuery, options?: CallOptions): Promise<CostPage> => {
    const params = { query: { ...query, ...readCostRange(query) } };
    const answer = await makeRequest(core, { route: getCost, params }, options);
    // listAll walks `data` and reads the page fields.
    return checkedAnswer(core, answer, "endpoints.cost.get", notAnObject, dataIsAListOfBuckets);
  };
  return {
    get,
    listAll(query, options) {
      // Checked now, before any request, not on the first `next()`.
      readCostRange(query);
      return paginate(core, query.page, async (page) => {
        const answer = await get({ ...query, page }, options);
        return { items: answer.data, next: nextPageToken(answer) };
      });
    },
  };
}
