import { InvalidInputError } from "../errors/friendli-error.ts";
import type { HeadersInput } from "./web-types.ts";

// A header name is an HTTP token.
const NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// What fetch sends in a value: tab, visible ASCII and Latin-1. Anything else (CR, LF, NUL,
// other control characters, characters past U+00FF) makes fetch fail with nothing sent.
const SENDABLE_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Headers as a record with lower-case names, each checked, or an InvalidInputError naming the header. */
export function checkHeaders(headers: Record<string, string> | undefined, where: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers === undefined || headers === null) return out;
  if (typeof headers !== "object" || Array.isArray(headers)) {
    throw new InvalidInputError(`${where} must be an object of header names to values`);
  }
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    if (!NAME.test(name)) throw new InvalidInputError(`${where}: ${JSON.stringify(name)} is not a valid header name`);
    out[name.toLowerCase()] = checkHeaderValue(name, String(value), where);
  }
  return out;
}

/**
 * Headers given in any form fetch takes (a Headers, pairs, a record) as a record, without
 * the Headers constructor: it throws a bare TypeError on a value it refuses. The values are
 * checked by checkHeaders after.
 */
export function headerRecord(init: HeadersInput | undefined | null, where: string): Record<string, string> {
  if (init === undefined || init === null) return {};
  if (init instanceof Headers) return Object.fromEntries(init);
  if (!Array.isArray(init)) return init as Record<string, string>;
  const out: Record<string, string> = {};
  for (const pair of init as unknown[]) {
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw new InvalidInputError(`${where}: each header pair must be [name, value]`);
    }
    out[String(pair[0])] = String(pair[1]);
  }
  return out;
}

/** A header value fetch can send, or an InvalidInputError that names the header (never its value: it may be a secret). */
export function checkHeaderValue(name: string, value: string, where: string): string {
  if (!SENDABLE_VALUE.test(value)) {
    throw new InvalidInputError(
      `${where}: the value of header "${name}" holds a character no HTTP header can carry (a line break, a control character, or one beyond Latin-1)`,
    );
  }
  return value;
}

// Visible ASCII only: anything else cannot travel in an Authorization header.
const TOKEN = /^[\x21-\x7e]+$/;

/** Checks a token without ever repeating it in the message. */
export function checkToken(token: unknown): string {
  if (typeof token !== "string" || !TOKEN.test(token)) {
    throw new InvalidInputError(
      "token must be a non-empty string of visible ASCII characters, without spaces (check FRIENDLI_TOKEN)",
    );
  }
  return token;
}

/** A team id, sent as `X-Friendli-Team`: a non-empty string a header can carry. */
export function checkTeamId(value: unknown): string {
  if (typeof value !== "string" || value.trim() === "")
    throw new InvalidInputError("teamId must be a non-empty string");
  return checkHeaderValue("x-friendli-team", value, "teamId");
}
