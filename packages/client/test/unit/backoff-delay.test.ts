import { describe, expect, it } from "vitest";
import { backoffDelay } from "../../src/transport/backoff-delay.ts";

const options = { initialDelayMs: 100, maxDelayMs: 1_000 };

describe("backoffDelay", () => {
  it("doubles per attempt, jitter takes off at most a quarter, and the cap holds", () => {
    expect(backoffDelay(0, options, () => 0)).toBe(100);
    expect(backoffDelay(2, options, () => 0)).toBe(400);
    expect(backoffDelay(2, options, () => 0.999)).toBeGreaterThanOrEqual(300);
    expect(backoffDelay(2, options, () => 0.999)).toBeLessThan(400);
    expect(backoffDelay(10, options, () => 0)).toBe(1_000);
  });

  it("takes another factor, no jitter, and never passes the timer limit", () => {
    const polling = { initialDelayMs: 1_000, maxDelayMs: 15_000, factor: 1.5, jitter: 0 };
    expect([0, 1, 2, 10].map((n) => backoffDelay(n, polling, () => 0.9))).toEqual([1_000, 1_500, 2_250, 15_000]);
    expect(backoffDelay(100, { initialDelayMs: 1, maxDelayMs: Number.POSITIVE_INFINITY })).toBeLessThanOrEqual(
      2_147_483_647,
    );
  });
});
