import { badRequestBody } from "./state-error-bodies.ts";
import { queryParam, type StateAnswer, type StateRequest } from "./state-request.ts";

/** The spec's page size when a list call gives none, and the most it allows. */
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

/**
 * One page of `items` as the request's `cursor`, `limit` and `direction` ask. The cursor is
 * the offset of the next item, as text: opaque to a client, which only sends it back. A cursor
 * the mock did not hand out is a 422 naming it.
 */
export function pageOf<T>(
  items: readonly T[],
  request: StateRequest,
): { page: T[]; nextCursor: string | null } | { refused: StateAnswer } {
  const cursor = queryParam(request, "cursor") || undefined;
  const start = cursor === undefined ? 0 : Number(cursor);
  if (!(Number.isSafeInteger(start) && start >= 0 && String(start) === cursor) && cursor !== undefined) {
    return {
      refused: { status: 422, json: badRequestBody("this cursor was not handed out by the mock", ["query", "cursor"]) },
    };
  }
  const asked = Number(queryParam(request, "limit") ?? DEFAULT_LIMIT);
  const limit = Number.isSafeInteger(asked) && asked >= 1 ? Math.min(asked, MAX_LIMIT) : DEFAULT_LIMIT;
  const ordered = queryParam(request, "direction") === "desc" ? [...items].reverse() : items;
  const page = ordered.slice(start, start + limit);
  return { page, nextCursor: start + limit < ordered.length ? String(start + limit) : null };
}
