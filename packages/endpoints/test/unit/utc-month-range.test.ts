import { InvalidInputError } from "@friendli-ts/client";
import { describe, expect, it } from "vitest";
import { previousUtcMonth, utcMonthRange } from "../../src/utc-month-range.ts";

describe("utcMonthRange", () => {
  it("spans a calendar month in UTC, December included", () => {
    expect(utcMonthRange(2026, 2)).toEqual({ start_time: "2026-02-01T00:00:00Z", end_time: "2026-03-01T00:00:00Z" });
    expect(utcMonthRange(2025, 12).end_time).toBe("2026-01-01T00:00:00Z");
    expect(() => utcMonthRange(2026, 13)).toThrow(InvalidInputError);
  });

  it("previousUtcMonth is the last complete month", () => {
    expect(previousUtcMonth(new Date("2026-03-15T12:00:00Z"))).toEqual({ year: 2026, month: 2 });
    expect(previousUtcMonth(new Date("2026-01-01T00:00:00Z"))).toEqual({ year: 2025, month: 12 });
  });
});
