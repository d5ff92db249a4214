import { InvalidInputError } from "@friendli-ts/client";

/**
 * Checks on a request body that need no spec at run time and catch the mistakes that
 * would otherwise cost a round trip (or, for a stream, a confusing error mid-way).
 */
export function checkObject(what: string, body: unknown): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new InvalidInputError(`${what}: the request body must be an object, got ${describeValue(body)}`);
  }
  const record = body as Record<string, unknown>;
  if (record.stream !== undefined && record.stream !== null) {
    throw new InvalidInputError(`${what}: do not set \`stream\`; call the \`stream()\` method for a stream`);
  }
  return record;
}

/** `model` must be a non-empty string; containers serve one model, so there it may be left out. */
export function checkModel(what: string, body: Record<string, unknown>, required: boolean): void {
  const { model } = body;
  if (model === undefined && !required) return;
  if (typeof model !== "string" || model.trim() === "") {
    throw new InvalidInputError(
      `${what}: \`model\` must be a non-empty string (a model code, or the endpoint id for dedicated), got ${describeValue(model)}`,
    );
  }
}

export function checkNonEmptyArray(what: string, body: Record<string, unknown>, field: string): void {
  const value = body[field];
  if (!Array.isArray(value) || value.length === 0) {
    throw new InvalidInputError(`${what}: \`${field}\` must be a non-empty array, got ${describeValue(value)}`);
  }
}

export function checkString(what: string, body: Record<string, unknown>, field: string): void {
  if (typeof body[field] !== "string") {
    throw new InvalidInputError(`${what}: \`${field}\` must be a string, got ${describeValue(body[field])}`);
  }
}

export function checkIntegers(what: string, body: Record<string, unknown>, field: string): void {
  const value = body[field];
  if (!Array.isArray(value) || !value.every((v) => Number.isInteger(v))) {
    throw new InvalidInputError(
      `${what}: \`${field}\` must be an array of integer token ids, got ${describeValue(value)}`,
    );
  }
}

/** Exactly one of two alternative inputs (prompt or tokens, input or tokens). */
export function checkOneOf(what: string, body: Record<string, unknown>, a: string, b: string): void {
  const hasA = body[a] !== undefined && body[a] !== null;
  const hasB = body[b] !== undefined && body[b] !== null;
  if (hasA === hasB) {
    throw new InvalidInputError(`${what}: give exactly one of \`${a}\` and \`${b}\`${hasA ? ", not both" : ""}`);
  }
}

export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length ? "an array" : "an empty array";
  if (typeof value === "string") return value ? `"${value.slice(0, 40)}"` : "an empty string";
  return typeof value === "object" ? "an object" : String(value);
}

/** "serverless.chat.complete", for error messages. */
export function label(prefix: string, method: string): string {
  return `${prefix.replace(/^\//, "") || "container"}.${method}`;
}
