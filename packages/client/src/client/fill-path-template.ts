import { InvalidInputError } from "../errors/friendli-error.ts";
import { hasLoneSurrogate } from "./has-lone-surrogate.ts";

// `/`, `?` and `#` end a path segment; `\` is read as `/` by some servers; control
// characters are never part of an id.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const UNSAFE = /[/?#\\\u0000-\u001f\u007f]/;

/**
 * `/beta/dataset/{dataset_id}` with `{ dataset_id: "ds-1" }` -> `/beta/dataset/ds-1`.
 * A value that is not a string with something besides spaces, or that would address another resource
 * (`.`, `..`, a slash, `?`, `#`, a control character), or that has no UTF-8 form (a lone
 * surrogate), is an InvalidInputError that
 * names the parameter, before any request.
 */
export function fillPathTemplate(template: string, values: Record<string, unknown> | undefined): string {
  if (!template.includes("{")) return template;
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values?.[name];
    const problem = pathValueProblem(value);
    if (problem) throw new InvalidInputError(`path parameter \`${name}\` ${problem}`);
    return encodeURIComponent(value as string);
  });
}

/**
 * Why a value cannot be a path segment, or undefined when it can: for wrappers that take an
 * id from an answer (a Location header) and must know before they use it.
 */
export function pathValueProblem(value: unknown): string | undefined {
  if (typeof value !== "string" || value.trim() === "") return `must be a non-empty string, got ${describe(value)}`;
  if (value === "." || value === ".." || UNSAFE.test(value)) {
    return `may not be "." or ".." or hold a slash, "?", "#" or a control character, got ${JSON.stringify(value)}`;
  }
  if (hasLoneSurrogate(value)) {
    return `holds half of a surrogate pair, which no URL can carry: ${JSON.stringify(value)}`;
  }
  return undefined;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string" && value.trim() === "") return value ? "only spaces" : "an empty string";
  return typeof value === "string" ? JSON.stringify(value) : `${typeof value} ${String(value)}`;
}
