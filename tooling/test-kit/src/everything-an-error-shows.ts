import { inspect } from "node:util";

/** A value as JSON, with what JSON leaves out (headers, maps, sets) written out. */
function toJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, item: unknown) => {
      if (item instanceof Headers || item instanceof Map) return [...item.entries()];
      if (item instanceof Set) return [...item];
      return item;
    }) ?? String(value)
  );
}

/**
 * Every way an error reaches a log or a screen, as one text: `util.inspect` (what loggers
 * print), `String`, the message and stack, and JSON of each own field, for the error and
 * for each of its causes and `AggregateError.errors`, whether they are errors or not.
 */
export function everythingAnErrorShows(error: unknown): string {
  const texts: string[] = [inspect(error, { depth: 20 }), inspect(error, { depth: 20, showHidden: true })];
  const seen = new Set<unknown>();
  const visit = (value: unknown) => {
    if (seen.has(value)) return;
    seen.add(value);
    if (!(value instanceof Error)) {
      texts.push(typeof value === "string" ? value : toJson(value));
      return;
    }
    texts.push(String(value), value.message, String(value.stack));
    for (const key of Object.getOwnPropertyNames(value)) {
      const field = (value as unknown as Record<string, unknown>)[key];
      texts.push(`${key}=${toJson(field)}`);
      if (key === "cause") visit(field);
      if (key === "errors" && Array.isArray(field)) field.forEach(visit);
    }
  };
  visit(error);
  return texts.join("\n");
}

/**
 * Where `secret` shows in `text`, or any run of `shortest` or more of its characters
 * wherever in it the run starts (what a cut leaves), case-insensitively, once escapes
 * are read (`\u0066`, `\\u0066`, `\x66`, `%66`, `%2566`); undefined when nowhere. Written
 * apart from the SDK's redaction, plainly (quadratic), to check it. A secret shorter than
 * `shortest` counts whole.
 */
export function findSecret(text: string, secret: string, shortest = 8): string | undefined {
  const decoded = readEscapes(text).toLowerCase();
  const lower = secret.toLowerCase();
  const length = Math.min(shortest, lower.length);
  for (let start = 0; start + length <= lower.length; start++) {
    const at = decoded.indexOf(lower.slice(start, start + length));
    if (at >= 0) return decoded.slice(Math.max(0, at - 60), at + secret.length + 20);
  }
  return undefined;
}

const ESCAPES = /\\+u([0-9a-f]{4})|\\+x([0-9a-f]{2})|%(?:25(?=[0-9a-f]{2}))*([0-9a-f]{2})/gi;

/** The text with its JSON, JavaScript and percent escapes read, one level deep. */
export function readEscapes(text: string): string {
  return text.replace(ESCAPES, (_escape, unicode?: string, hex?: string, percent?: string) =>
    String.fromCharCode(Number.parseInt(unicode ?? hex ?? percent ?? "", 16)),
  );
}
