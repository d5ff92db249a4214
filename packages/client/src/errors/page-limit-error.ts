import { FriendliError } from "./friendli-error.ts";

/**
 * A list walk (`listAll`) reached the client's `maxPages` with the server still naming a
 * next page. Thrown after the items of the pages read so far, so a `for await` reader has
 * them; a bigger `maxPages` (`client.withOptions({ maxPages })`) walks further.
 */
export class PageLimitError extends FriendliError {
  override name = "PageLimitError";
  /** The bound that was reached. */
  readonly maxPages: number;

  constructor(maxPages: number) {
    super(
      `the list still had a next page after ${maxPages} pages; stopped there rather than walk on (raise maxPages to read further)`,
    );
    this.maxPages = maxPages;
  }
}
