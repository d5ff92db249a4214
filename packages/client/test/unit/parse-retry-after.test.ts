import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "../../src/transport/parse-retry-after.ts";

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

  it("a value that only looks like a number or a date is unreadable, not zero", () => {
    // Two joined headers, a trailing dot, an exponent: each once read as "retry now".
    for (const value of ["2, 2", "2.", "1e3", "0x10", "2 2", "Infinity"]) {
      expect(parseRetryAfter(h({ "retry-after": value })), value).toBeUndefined();
      expect(parseRetryAfter(h({ "retry-after-ms": value })), value).toBeUndefined();
    }
    // RFC 850 and asctime dates are still dates.
    const now = Date.parse("1994-11-06T08:49:30Z");
    expect(parseRetryAfter(h({ "retry-after": "Sunday, 06-Nov-94 08:49:37 GMT" }), now)).toBe(7000);
    expect(parseRetryAfter(h({ "retry-after": "Sun Nov  6 08:49:37 1994" }), now)).toBeGreaterThanOrEqual(0);
  });
});
