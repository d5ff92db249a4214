import { InvalidInputError } from "../errors/friendli-error.ts";

// A header name is an HTTP token; a value may not hold CR, LF or NUL.
const NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused
const BAD_VALUE = /[\r\n\u0000]/;

/** Headers as a record with lower-case names, each checked, or an InvalidInputError naming the header. */
export function checkHeaders(headers: Record<string, string> | undefined, where: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    if (!NAME.test(name)) throw new InvalidInputError(`${where}: ${JSON.stringify(name)} is not a valid header name`);
    const text = String(value);
    if (BAD_VALUE.test(text)) {
      throw new InvalidInputError(`${where}: the value of header "${name}" holds a line break or NUL`);
    }
    out[name.toLowerCase()] = text;
  }
  return out;
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
