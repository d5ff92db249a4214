import { InvalidInputError } from "@friendli-ts/client";
import { describe, expect, it } from "vitest";
import { backoffDelay, resolveBackoff } from "./backoff-delay.ts";

describe("backoffDelay", () => {
  it("grows by the factor up to the cap", () => {
    const backoff = resolveBackoff({ intervalMs: 100, backoffFactor: 2, maxIntervalMs: 500 });
    expect([0, 1, 2, 3, 4].map((n) => backoffDelay(n, backoff))).toEqual([100, 200, 400, 500, 500]);
    expect(resolveBackoff()).toEqual({ intervalMs: 1000, maxIntervalMs: 15_000, backoffFactor: 1.5 });
  });

  it("rejects nonsense settings", () => {
    expect(() => resolveBackoff({ intervalMs: 0 })).toThrow(InvalidInputError);
    expect(() => resolveBackoff({ backoffFactor: 0.5 })).toThrow(InvalidInputError);
    expect(() => resolveBackoff({ intervalMs: 100, maxIntervalMs: 50 })).toThrow(InvalidInputError);
  });
});

describe("backoffDelay limits", () => {
  it("never asks for a delay setTimeout cannot hold", () => {
    const backoff = resolveBackoff({ intervalMs: 1000, backoffFactor: 10, maxIntervalMs: Number.MAX_SAFE_INTEGER });
    expect(backoffDelay(20, backoff)).toBe(2_147_483_647);
  });
});
