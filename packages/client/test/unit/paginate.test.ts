import { describe, expect, it } from "vitest";
import { createFriendliClient } from "../../src/client/create-friendli-client.ts";
import { InvalidInputError } from "../../src/errors/friendli-error.ts";
import { InvalidResponseError } from "../../src/errors/invalid-response-error.ts";
import { PageLimitError } from "../../src/errors/page-limit-error.ts";
import { CURSOR_WINDOW, MAX_EMPTY_PAGES_IN_A_ROW, paginate } from "../../src/pagination/paginate.ts";

// No request is sent: the pages come from the functions below.
const client = createFriendliClient({ baseURL: "http://127.0.0.1:9", token: null });

/** Pages of two items (or `sizes[n]` items); `next` for each page from the list given. */
function pager(nexts: unknown[], sizes: number[] = [], on = client) {
  const asked: (string | undefined)[] = [];
  const items = paginate(on, undefined, async (token) => {
    asked.push(token);
    const n = asked.length;
    const size = sizes[n - 1] ?? 2;
    return { items: ["a", "b", "c"].slice(0, size).map((letter) => `${n}${letter}`), next: nexts[n - 1] };
  });
  return { items, asked };
}

describe("paginate", () => {
  it("follows tokens to the end", async () => {
    const { items, asked } = pager(["p2", "p3", null]);
    expect(await items.toArray()).toEqual(["1a", "1b", "2a", "2b", "3a", "3b"]);
    expect(asked).toEqual([undefined, "p2", "p3"]);
  });

  it("stops on a token it has seen, an empty one, or one that is not a string", async () => {
    for (const nexts of [["p2", "p2"], [""], [3]]) {
      const { items, asked } = pager(nexts);
      await items.toArray();
      expect(asked.length).toBeLessThanOrEqual(2);
    }
  });

  it("walks through an empty page or two, and stops after three in a row whatever tokens they name", async () => {
    const through = pager(["p2", "p3", "p4", null], [2, 0, 0, 1]);
    expect(await through.items.toArray()).toEqual(["1a", "1b", "4a"]);
    const endless = Array.from({ length: 20 }, (_, i) => `p${i + 2}`);
    const { items, asked } = pager(endless, [1, 0, 0, 0, 1]);
    expect(await items.toArray()).toEqual(["1a"]);
    expect(asked).toHaveLength(1 + MAX_EMPTY_PAGES_IN_A_ROW);
  });

  it("stops at maxPages with a PageLimitError, after yielding the pages read", async () => {
    const endless = Array.from({ length: 10 }, (_, i) => `p${i + 2}`);
    const { items, asked } = pager(endless, [], client.withOptions({ maxPages: 3 }));
    const seen: string[] = [];
    const error = await (async () => {
      for await (const item of items) seen.push(item);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageLimitError);
    expect((error as PageLimitError).maxPages).toBe(3);
    expect(seen).toEqual(["1a", "1b", "2a", "2b", "3a", "3b"]);
    expect(asked).toHaveLength(3);
    // A list that ends on its last allowed page is no error.
    const exact = pager(["p2", "p3", null], [], client.withOptions({ maxPages: 3 }));
    expect(await exact.items.toArray()).toHaveLength(6);
    expect(client.options.maxPages).toBe(10_000);
    expect(() => client.withOptions({ maxPages: 0 })).toThrow(InvalidInputError);
  });

  it("toArray(n) and break fetch no page past what was read", async () => {
    const first = pager(["p2", "p3", "p4"]);
    expect(await first.items.toArray(3)).toEqual(["1a", "1b", "2a"]);
    expect(first.asked).toHaveLength(2);
    const second = pager(["p2", "p3"]);
    for await (const item of second.items) if (item === "1b") break;
    expect(second.asked).toHaveLength(1);
    expect(await pager([]).items.toArray(0)).toEqual([]);
    await expect(pager([]).items.toArray(-1)).rejects.toBeInstanceOf(InvalidInputError);
  });

  it("each for-await starts from the first page again", async () => {
    const { items, asked } = pager([null, null]);
    await items.toArray();
    await items.toArray();
    expect(asked).toEqual([undefined, undefined]);
  });

  it("tells a loop as long as its window of cursors; a longer one ends at maxPages", async () => {
    const cycle = (length: number) => Array.from({ length: 4_000 }, (_, i) => `c${i % length}`);
    const ones = Array.from({ length: 4_000 }, () => 1);
    const within = pager(cycle(CURSOR_WINDOW - 1), ones);
    expect(await within.items.toArray()).toHaveLength(CURSOR_WINDOW);
    const longer = pager(cycle(CURSOR_WINDOW + 1), ones, client.withOptions({ maxPages: 3_000 }));
    await expect(longer.items.toArray()).rejects.toBeInstanceOf(PageLimitError);
    expect(longer.asked).toHaveLength(3_000);
  });

  it("a page whose items are not a list is an InvalidResponseError, never walked a character at a time", async () => {
    const walked: unknown[] = [];
    const items = paginate(client, undefined, async () => ({ items: "abc" as never, next: null }));
    const error = await (async () => {
      for await (const item of items) walked.push(item);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(walked).toEqual([]);
  });
});
