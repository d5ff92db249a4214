import { StreamParseError } from "@friendli-ts/client";

type Fields = Record<string, unknown>;

/**
 * Reads the fields of one stream item the helpers rely on. The server decides an item's
 * shape, so each read checks the type: a wrong one is a StreamParseError naming the family
 * and the field, never a TypeError later. A missing or `null` field reads as absent.
 */
export interface ItemShape {
  /** The item itself, which must be an object. */
  readonly item: Fields;
  /** An object, or undefined when absent. */
  object(value: unknown, field: string): Fields | undefined;
  /** An object that must be there (an element of a list). */
  record(value: unknown, field: string): Fields;
  /** A list, or empty when absent. */
  list(value: unknown, field: string): unknown[];
  string(value: unknown, field: string): string | undefined;
  number(value: unknown, field: string): number | undefined;
  /** A choice's or a block's position: a whole number of 0 or more, 0 when absent. */
  index(value: unknown, field: string): number;
}

export function itemShape(family: string, item: unknown): ItemShape {
  const fail = (field: string, expected: string): never => {
    throw new StreamParseError(`a ${family} stream event's ${field} is not ${expected}`, describe(item));
  };
  const isFields = (value: unknown): value is Fields =>
    typeof value === "object" && value !== null && !Array.isArray(value);
  const absent = (value: unknown) => value === undefined || value === null;
  if (!isFields(item)) fail("data", "an object");
  return {
    item: item as Fields,
    object: (value, field) => (absent(value) ? undefined : isFields(value) ? value : fail(field, "an object")),
    record: (value, field) => (isFields(value) ? value : fail(field, "an object")),
    list: (value, field) => (absent(value) ? [] : Array.isArray(value) ? value : fail(field, "a list")),
    string: (value, field) => (absent(value) ? undefined : typeof value === "string" ? value : fail(field, "text")),
    number: (value, field) => (absent(value) ? undefined : typeof value === "number" ? value : fail(field, "a number")),
    index: (value, field) =>
      absent(value)
        ? 0
        : Number.isSafeInteger(value) && (value as number) >= 0
          ? (value as number)
          : fail(field, "an index"),
  };
}

/** The item as the error's `data`: the raw event text is not at hand here. */
function describe(item: unknown): string {
  try {
    return JSON.stringify(item) ?? String(item);
  } catch {
    return String(item);
  }
}
