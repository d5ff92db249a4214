import { describe, expect, it } from "vitest";
import { nextPageToken } from "../../src/next-page-token.ts";

describe("nextPageToken", () => {
  it("follows next_page unless has_more is false", () => {
    expect(nextPageToken({ has_more: true, next_page: "p2" })).toBe("p2");
    expect(nextPageToken({ next_page: "p2" })).toBe("p2");
    expect(nextPageToken({ has_more: false, next_page: "p2" })).toBeNull();
    expect(nextPageToken({ has_more: true, next_page: "" })).toBeNull();
    expect(nextPageToken({ has_more: true, next_page: null })).toBeNull();
  });
});
