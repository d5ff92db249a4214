import { InvalidInputError } from "@friendli-ts/client";
import { formatApiTime } from "./read-time-range.ts";

/**
 * The first instant of a calendar month in UTC and the first of the next, ready to spread
 * into a cost or usage query: `cost.listAll({ ...utcMonthRange(2026, 1) })`.
 * `month` is 1-12.
 */
export function utcMonthRange(year: number, month: number): { start_time: string; end_time: string } {
  if (!Number.isInteger(year) || year < 1970 || year > 9999) {
    throw new InvalidInputError(`year must be a whole number from 1970 to 9999, got ${String(year)}`);
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new InvalidInputError(`month must be a whole number from 1 to 12, got ${String(month)}`);
  }
  return {
    start_time: formatApiTime(new Date(Date.UTC(year, month - 1, 1))),
    end_time: formatApiTime(new Date(Date.UTC(year, month, 1))),
  };
}

/** The calendar month before the one `now` falls in, in UTC: the last complete month. */
export function previousUtcMonth(now: Date = new Date()): { year: number; month: number } {
  const month = now.getUTCMonth(); // 0-11, so this is already last month's 1-12 number
  return month === 0 ? { year: now.getUTCFullYear() - 1, month: 12 } : { year: now.getUTCFullYear(), month };
}
