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
 * Where `secret`, or a run of its first `shortest` characters or more (what a cut leaves),
 * shows in `text`, case-insensitively; undefined when nowhere.
 */
export function findSecret(text: string, secret: string, shortest = 6): string | undefined {
  const at = text.toLowerCase().indexOf(secret.slice(0, shortest).toLowerCase());
  return at < 0 ? undefined : text.slice(Math.max(0, at - 60), at + secret.length + 20);
}
