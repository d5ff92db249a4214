import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./parse-retry-after.ts";

const h = (init: Record<string, string>) => new Headers(init);

describe("parseRetryAfter", () => {
  it("reads seconds, fractions, milliseconds and dates", () => {
    expect(parseRetryAfter(h({ "retry-after": "3" }))).toBe(3000);
    expect(parseRetryAfter(h({ "retry-after": "0.5" }))).toBe(500);
    expect(parseRetryAfter(h({ "retry-after-ms": "120", "retry-after": "9" }))).toBe(120);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter(h({ "retry-after": "Thu, 01 Jan 2026 00:00:02 GMT" }), now)).toBe(2000);
  });

  it("a past date means now, and garbage means absent", () => {
    expect(parseRetryAfter(h({ "retry-after": "Wed, 01 Jan 2020 00:00:00 GMT" }))).toBe(0);
    expect(parseRetryAfter(h({ "retry-after": "soon" }))).toBeUndefined();
    expect(parseRetryAfter(h({ "retry-after": "-1" }))).toBeUndefined();
    expect(parseRetryAfter(h({}))).toBeUndefined();
  });
});
