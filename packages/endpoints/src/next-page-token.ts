/**
 * The `page` to ask for next in a cost or usage answer. `has_more: false` wins over any
 * `next_page`; a missing `has_more` leaves the decision to `next_page` alone.
 */
export function nextPageToken(page: { has_more?: unknown; next_page?: unknown }): string | null {
  if (page.has_more === false) return null;
  return typeof page.next_page === "string" && page.next_page !== "" ? page.next_page : null;
}
