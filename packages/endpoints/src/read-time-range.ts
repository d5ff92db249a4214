import { InvalidInputError } from "@friendli-ts/client";
import type { TimeInput } from "./spec-types.ts";

/** The boundary both ends of a range must sit on; the API rejects anything finer. */
export type TimeAlignment = "day" | "hour" | "5m";

const ALIGNMENT_MS: Record<TimeAlignment, number> = { day: 86_400_000, hour: 3_600_000, "5m": 300_000 };
const ALIGNMENT_EXAMPLE: Record<TimeAlignment, string> = {
  day: "midnight UTC, e.g. 2026-01-01T00:00:00Z",
  hour: "a whole hour, e.g. 2026-01-01T10:00:00Z",
  "5m": "a multiple of 5 minutes, e.g. 2026-01-01T10:05:00Z",
};

// A date alone (read as UTC), or a date and time with an explicit zone: a zoneless time
// would be read in the machine's local zone, which is never what a UTC report means.
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:[Zz]|[+-]\d{2}:?\d{2}))?$/;

/** A Date or ISO 8601 string as a Date, or InvalidInputError naming the parameter. */
export function readTime(name: string, value: TimeInput): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new InvalidInputError(`${name} is an invalid Date`);
    return value;
  }
  if (typeof value !== "string") {
    throw new InvalidInputError(`${name} must be a Date or an ISO 8601 string, got ${typeof value}`);
  }
  const match = ISO_TIME.exec(value);
  if (!match) {
    throw new InvalidInputError(
      `${name} must be an ISO 8601 date or a date-time with a zone (e.g. 2026-01-01T00:00:00Z), got "${value}"`,
    );
  }
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map((p) => Number(p ?? 0));
  // Date.parse rolls 2026-02-30 over into March; a typo like that should not pass.
  const calendar = new Date(Date.UTC(year!, month! - 1, day!));
  if (
    calendar.getUTCMonth() !== month! - 1 ||
    calendar.getUTCDate() !== day! ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw new InvalidInputError(`${name} is not a real date and time: "${value}"`);
  }
  return new Date(Date.parse(value));
}

/** RFC 3339 in UTC, without milliseconds when they are zero (the API's own examples' form). */
export function formatApiTime(date: Date): string {
  return date.toISOString().replace(".000Z", "Z");
}

/**
 * Checks and formats a start/end pair before the network: both must be valid, start must
 * come before end, and both must sit on `alignment`.
 */
export function readTimeRange(
  start: TimeInput,
  end: TimeInput,
  alignment: TimeAlignment,
): { start_time: string; end_time: string } {
  const startDate = readTime("start_time", start);
  const endDate = readTime("end_time", end);
  if (startDate.getTime() >= endDate.getTime()) {
    throw new InvalidInputError(
      `start_time (${formatApiTime(startDate)}) must be before end_time (${formatApiTime(endDate)})`,
    );
  }
  for (const [name, date] of [
    ["start_time", startDate],
    ["end_time", endDate],
  ] as const) {
    if (date.getTime() % ALIGNMENT_MS[alignment] !== 0) {
      throw new InvalidInputError(
        `${name} (${formatApiTime(date)}) must fall on ${ALIGNMENT_EXAMPLE[alignment]} for this request`,
      );
    }
  }
  return { start_time: formatApiTime(startDate), end_time: formatApiTime(endDate) };
}
