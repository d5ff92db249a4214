import { InvalidArgumentError } from "commander";
import { UsageError } from "./errors.ts";

/** A commander argument parser for a whole number of at least `min`. */
export function integerAtLeast(min: number): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < min) {
      throw new InvalidArgumentError(`expected a whole number of at least ${min}.`);
    }
    return Number(value);
  };
}

/** A commander argument parser for a TCP port: a whole number from 1 to 65535, checked before anything starts. */
export function portNumber(value: string): number {
  const port = integerAtLeast(1)(value);
  if (port > 65_535) throw new InvalidArgumentError("expected a port from 1 to 65535.");
  return port;
}

/** A commander argument parser for a number of seconds (fractions allowed), above zero. */
export function seconds(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n <= 0) {
    throw new InvalidArgumentError("expected a number of seconds above 0.");
  }
  return n;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ZONELESS_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/i;
const ZONED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * A `--from` / `--to` value: a day (`2026-01-31`, UTC midnight) or an ISO 8601 time with a
 * zone. Returned as given (the SDK reads both and checks the range); a value that is not a
 * real date is a usage error here, before anything is sent.
 */
export function parseDate(flag: string, value: string): string {
  const trimmed = value.trim();
  const day = DAY.exec(trimmed);
  if (day) {
    const [, y, m, d] = day.map(Number) as [number, number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d) return trimmed;
  } else if (ZONED_TIME.test(trimmed) && !Number.isNaN(Date.parse(trimmed))) {
    return trimmed;
  } else if (ZONELESS_TIME.test(trimmed)) {
    // Read in this machine's zone, it would name a different range on another machine.
    throw new UsageError(`${flag} ${JSON.stringify(value)} has no time zone: add Z (UTC) or an offset such as +09:00`);
  }
  throw new UsageError(
    `${flag} ${JSON.stringify(value)} is not a date: use YYYY-MM-DD (UTC) or an ISO 8601 time with a zone, e.g. 2026-01-31T00:00:00Z`,
  );
}

/** Token ids from `detokenize` arguments: `1 2 3`, `1,2,3` or one quoted `"1 2 3"`. */
export function parseTokenIds(values: readonly string[]): number[] {
  const pieces = values.flatMap((v) => v.split(/[\s,]+/)).filter((p) => p !== "");
  if (pieces.length === 0) throw new UsageError("no token ids given");
  return pieces.map((piece) => {
    if (!/^\d+$/.test(piece)) throw new UsageError(`token id ${JSON.stringify(piece)} is not a whole number`);
    return Number(piece);
  });
}

/** A comma-separated list checked against the values allowed (`--until RUNNING,SLEEPING`). */
export function parseChoices<T extends string>(flag: string, value: string, allowed: readonly T[]): T[] {
  const items = value
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "");
  if (items.length === 0) throw new UsageError(`${flag} needs a value: one of ${allowed.join(", ")}`);
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item)) {
      throw new UsageError(`${flag}: ${JSON.stringify(item)} is not one of ${allowed.join(", ")}`);
    }
  }
  return items as T[];
}
