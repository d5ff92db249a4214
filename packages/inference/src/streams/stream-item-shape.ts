import { StreamParseError } from "@friendli-ts/client";

type Fields = Record<string, unknown>;

const absent = (value: unknown): value is undefined | null => value === undefined || value === null;

/** An object that is not a list. */
export const isFields = (value: unknown): value is Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Absent, or text. */
export const isOptionalString = (value: unknown): boolean => absent(value) || typeof value === "string";
/** Absent, or a number. */
export const isOptionalNumber = (value: unknown): boolean => absent(value) || typeof value === "number";
/** Absent, or an object. */
export const isOptionalFields = (value: unknown): boolean => absent(value) || isFields(value);
/** A choice's or a block's position: absent (0), or a whole number of 0 or more. */
export const isOptionalIndex = (value: unknown): boolean =>
  absent(value) || (Number.isSafeInteger(value) && (value as number) >= 0);

/**
 * The StreamParseError for an item whose `field` is not `expected`, naming the family and
 * the field. Callers build the field's path only here, when a check fails, so a good item
 * costs no string.
 */
export function wrongShape(family: string, item: unknown, field: string, expected: string): never {
  throw new StreamParseError(`a ${family} stream event's ${field} is not ${expected}`, describe(item));
}

/**
 * Reads the fields of one stream item the helpers rely on. The server decides an item's
 * shape, so each read checks the type: a wrong one is a StreamParseError naming the family
 * and the field, never a TypeError later. A missing or `null` field reads as absent.
 */
export class ItemShape {
  /** The item itself, which must be an object. */
  readonly item: Fields;
  readonly #family: string;

  constructor(family: string, item: unknown) {
    if (!isFields(item)) wrongShape(family, item, "data", "an object");
    this.#family = family;
    this.item = item as Fields;
  }

  #fail(field: string, expected: string): never {
    return wrongShape(this.#family, this.item, field, expected);
  }

  /** An object, or undefined when absent. */
  object(value: unknown, field: string): Fields | undefined {
    if (absent(value)) return undefined;
    return isFields(value) ? value : this.#fail(field, "an object");
  }

  /** An object that must be there (an element of a list). */
  record(value: unknown, field: string): Fields {
    return isFields(value) ? value : this.#fail(field, "an object");
  }

  string(value: unknown, field: string): string | undefined {
    if (absent(value)) return undefined;
    return typeof value === "string" ? value : this.#fail(field, "text");
  }

  number(value: unknown, field: string): number | undefined {
    if (absent(value)) return undefined;
    return typeof value === "number" ? value : this.#fail(field, "a number");
  }

  /** A choice's or a block's position: a whole number of 0 or more, 0 when absent. */
  index(value: unknown, field: string): number {
    if (absent(value)) return 0;
    return isOptionalIndex(value) ? (value as number) : this.#fail(field, "an index");
  }
}

/** The item as the error's `data`: the raw event text is not at hand here. */
function describe(item: unknown): string {
  try {
    return JSON.stringify(item) ?? String(item);
  } catch {
    return String(item);
  }
}
