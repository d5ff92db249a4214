import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors/friendli-error.ts";
import { paginate } from "./paginate.ts";

/** Pages of two items; `next` for each page from the list given. */
function pager(nexts: unknown[]) {
  const asked: (string | undefined)[] = [];
  const items = paginate(async (token) => {
    asked.push(token);
    const n = asked.length;
    return { items: [`${n}a`, `${n}b`], next: nexts[n - 1] };
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
});
