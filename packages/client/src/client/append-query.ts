import { InvalidInputError } from "../errors/friendli-error.ts";
import { hasLoneSurrogate } from "./has-lone-surrogate.ts";

/**
 * `path?key=value&...` from a query object: arrays repeat the key, objects are JSON, and
 * null or undefined values are left out. Keys keep their order. A value no URL can carry
 * (a lone surrogate, a symbol, an object JSON cannot write) is an InvalidInputError naming
 * the parameter, before any request.
 */
export function appendQuery(path: string, query: Record<string, unknown> | undefined): string {
  if (!query) return path;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      const text = queryText(key, item);
      if (hasLoneSurrogate(key) || hasLoneSurrogate(text)) {
        throw new InvalidInputError(
          `query parameter \`${key}\` holds half of a surrogate pair, which no URL can carry`,
        );
      }
      search.append(key, text);
    }
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

function queryText(key: string, item: unknown): string {
  if (typeof item === "symbol" || typeof item === "function") {
    throw new InvalidInputError(`query parameter \`${key}\` must be a string, number, boolean or JSON value`);
  }
  if (typeof item !== "object") return String(item);
  try {
    return JSON.stringify(item);
  } catch (cause) {
    throw new InvalidInputError(`query parameter \`${key}\` cannot be written as JSON`, { cause });
  }
}
