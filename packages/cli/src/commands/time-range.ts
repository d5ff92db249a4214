import type { Command } from "commander";
import { parseDate } from "../parse-args.ts";

export interface RangeOptions {
  from: string;
  to: string;
}

/** `--from` and `--to`, both required. */
export function rangeOptions(command: Command, unit: string): Command {
  return command
    .requiredOption("--from <date>", `start, inclusive: YYYY-MM-DD (UTC midnight) or an ISO 8601 time ${unit}`)
    .requiredOption("--to <date>", `end, exclusive: YYYY-MM-DD or an ISO 8601 time ${unit}`);
}

/** The range as the SDK takes it; a value that is not a date is a usage error. */
export function readRange(options: RangeOptions): { start_time: string; end_time: string } {
  return { start_time: parseDate("--from", options.from), end_time: parseDate("--to", options.to) };
}

/** The day of a bucket (`2026-01-31`), or its minute when the buckets are shorter than a day. */
export function bucketLabel(time: string | undefined, wholeDays: boolean): string {
  if (!time) return "";
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return time;
  const iso = date.toISOString();
  return wholeDays ? iso.slice(0, 10) : `${iso.slice(0, 16).replace("T", " ")}Z`;
}
