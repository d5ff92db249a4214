// With the `u` flag, a surrogate pair is one code point, so only a half of one matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Text holding half of a UTF-16 surrogate pair has no UTF-8 form: `encodeURIComponent`
 * throws a URIError on it, and URLSearchParams quietly sends U+FFFD in its place.
 */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}
