import { describe, expect, it } from "vitest";
import { shouldRetry, wasNeverSent } from "../../src/transport/retry-decision.ts";

describe("shouldRetry", () => {
  it.each([
    [408, false, true],
    [409, true, true],
    [409, false, false],
    [429, false, true],
    [500, true, true],
    [500, false, false],
    [503, false, false],
    [400, true, false],
    [404, true, false],
    [422, true, false],
  ])("status %i, idempotent %s -> %s", (status, idempotent, expected) => {
    expect(shouldRetry({ kind: "status", status }, idempotent)).toBe(expected);
  });

  it("timeouts only for idempotent calls; refused connections always", () => {
    expect(shouldRetry({ kind: "timeout" }, true)).toBe(true);
    expect(shouldRetry({ kind: "timeout" }, false)).toBe(false);
    expect(shouldRetry({ kind: "connection", sent: false }, false)).toBe(true);
    expect(shouldRetry({ kind: "connection", sent: true }, false)).toBe(false);
  });

  it("finds the error code in a nested cause", () => {
    const error = new TypeError("fetch failed", { cause: Object.assign(new Error("x"), { code: "ECONNREFUSED" }) });
    expect(wasNeverSent(error)).toBe(true);
    expect(wasNeverSent(new TypeError("fetch failed", { cause: { code: "ECONNRESET" } }))).toBe(false);
  });
});
