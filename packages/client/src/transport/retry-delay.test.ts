import { describe, expect, it } from "vitest";
import { retryDelay } from "./retry-delay.ts";

const options = { initialDelayMs: 100, maxDelayMs: 1_000 };

describe("retryDelay", () => {
  it("doubles per retry, jitter takes off at most a quarter, and the cap holds", () => {
    expect(retryDelay(0, options, undefined, () => 0)).toBe(100);
    expect(retryDelay(2, options, undefined, () => 0)).toBe(400);
    expect(retryDelay(2, options, undefined, () => 0.999)).toBeGreaterThanOrEqual(300);
    expect(retryDelay(10, options, undefined, () => 0)).toBe(1_000);
  });

  it("the server's Retry-After wins, capped at maxDelayMs", () => {
    expect(retryDelay(0, options, new Headers({ "retry-after": "0.25" }))).toBe(250);
    expect(retryDelay(0, options, new Headers({ "retry-after": "60" }))).toBe(1_000);
  });
});
