import { describe, expect, it } from "vitest";
import { iteratePages } from "./iterate-pages.ts";

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe("iteratePages", () => {
  it("follows cursors until there is none", async () => {
    const pages: Record<string, { data: number[]; nextCursor: string | null }> = {
      start: { data: [1, 2], nextCursor: "b" },
      b: { data: [3], nextCursor: null },
    };
    const cursors: unknown[] = [];
    const items = await collect(
      iteratePages(async (cursor) => {
        cursors.push(cursor);
        return pages[(cursor as string | undefined) ?? "start"]!;
      }),
    );
    expect(items).toEqual([1, 2, 3]);
    expect(cursors).toEqual([undefined, "b"]);
  });

  it("stops on a repeated cursor instead of looping forever", async () => {
    let calls = 0;
    const items = await collect(iteratePages(async () => ({ data: [calls++], nextCursor: "same" })));
    expect(items).toEqual([0, 1]);
  });
});
