import type { CallOptions, PagedItems } from "@friendli-ts/client";
import { type CallCore, paginate } from "@friendli-ts/client/internal";
import { nextPageToken } from "./next-page-token.ts";

interface ApiTimes {
  start_time: string;
  end_time: string;
}

interface TimedQuery {
  start_time: unknown;
  end_time: unknown;
  page?: string | null | undefined;
}

/**
 * `get` and `listAll` of a team report (cost, usage) from its one-page call: the time range checked (and written as the API
 * takes it) before any request, the pages followed by page number.
 */
export function bucketPages<
  Query extends TimedQuery,
  Page extends { data: readonly Bucket[]; has_more?: unknown; next_page?: unknown },
  Bucket,
>(
  core: CallCore,
  readRange: (query: Query) => ApiTimes,
  getPage: (query: Query & ApiTimes, options?: CallOptions) => Promise<Page>,
): {
  get(query: Query, options?: CallOptions): Promise<Page>;
  listAll(query: Query, options?: CallOptions): PagedItems<Bucket>;
} {
  // async: a bad range rejects, as every call does, rather than throwing.
  const get = async (query: Query, options?: CallOptions) => getPage({ ...query, ...readRange(query) }, options);
  return {
    get,
    listAll(query, options) {
      // Checked now, before any request, not on the first `next()`.
      readRange(query);
      return paginate(core, query.page, async (page) => {
        const answer = await get({ ...query, page }, options);
        return { items: answer.data, next: nextPageToken(answer) };
      });
    },
  };
}
