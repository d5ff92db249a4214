import { InvalidInputError } from "@friendli-ts/client";
import { describe, expect, it } from "vitest";
import { formatApiTime, readTime, readTimeRange } from "../../src/read-time-range.ts";

describe("readTime", () => {
  it("takes Dates, bare dates as UTC, and date-times with a zone", () => {
    expect(readTime("t", new Date(Date.UTC(2026, 0, 2))).toISOString()).toBe("2026-01-02T00:00:00.000Z");
    expect(readTime("t", "2026-01-02").toISOString()).toBe("2026-01-02T00:00:00.000Z");
    expect(readTime("t", "2026-01-02T09:00:00+09:00").toISOString()).toBe("2026-01-02T00:00:00.000Z");
    expect(readTime("t", "2026-01-02T10:05Z").toISOString()).toBe("2026-01-02T10:05:00.000Z");
  });

  it("rejects invalid Dates, zoneless times, impossible dates and other strings", () => {
    for (const bad of [
      new Date("nope"),
      "2026-01-02T00:00:00",
      "2026-02-30",
      "2026-01-01T25:00:00Z",
      "Jan 2 2026",
      "",
    ]) {
      expect(() => readTime("start_time", bad)).toThrow(InvalidInputError);
    }
    expect(() => readTime("start_time", 1_700_000_000_000 as unknown as string)).toThrow(/Date or an ISO 8601 string/);
  });
});

describe("readTimeRange", () => {
  it("formats both ends as RFC 3339 UTC without zero milliseconds", () => {
    expect(readTimeRange(new Date(Date.UTC(2026, 0, 1)), "2026-01-08", "day")).toEqual({
      start_time: "2026-01-01T00:00:00Z",
      end_time: "2026-01-08T00:00:00Z",
    });
    expect(formatApiTime(new Date(Date.UTC(2026, 0, 1, 0, 0, 0, 5)))).toBe("2026-01-01T00:00:00.005Z");
  });

  it("requires start before end", () => {
    expect(() => readTimeRange("2026-01-02", "2026-01-01", "day")).toThrow(/must be before end_time/);
    expect(() => readTimeRange("2026-01-01", "2026-01-01", "day")).toThrow(InvalidInputError);
  });

  it("requires both ends on the alignment", () => {
    expect(() => readTimeRange("2026-01-01T01:00:00Z", "2026-01-02", "day")).toThrow(/start_time .* midnight UTC/);
    expect(() => readTimeRange("2026-01-01T10:00:00Z", "2026-01-01T10:30:00Z", "hour")).toThrow(
      /end_time .* whole hour/,
    );
    expect(() => readTimeRange("2026-01-01T10:03:00Z", "2026-01-01T11:00:00Z", "5m")).toThrow(/5 minutes/);
    expect(readTimeRange("2026-01-01T10:05:00Z", "2026-01-01T11:05:00Z", "5m").end_time).toBe("2026-01-01T11:05:00Z");
  });
});
