/**
 * Text with its escapes read (`\u0066`, `\x66`, `\/`, `%66`, `%2566`), and where each of its
 * characters came from: a server that echoes the token may echo it JSON-escaped or
 * percent-encoded, character by character or mixed with plain ones.
 */
export interface DecodedText {
  text: string;
  /** The index in the source of the character at `index` in `text` (`text.length` maps to the source's length). */
  sourceIndex(index: number): number;
}

/**
 * Null when `text` holds no escape that `wanted` takes (the common case, text with neither
 * a backslash nor `%`, costs two `includes`): an escape of any other character is left as
 * it is, as it could not be part of what is searched for anyway (a JSON text's `\"` and
 * `\n`). Escapes are read
 * wherever they stand, one level deep, however many backslashes come before a `u` (JSON
 * inside JSON) and however many `25`s follow a `%` (a URL encoded twice); `%XX` is read as
 * one byte, so a token is found in its percent-encoded form when it is ASCII (tokens are).
 * Linear in the text's length.
 */
export function decodeEscapes(text: string, wanted: (char: string) => boolean): DecodedText | null {
  if (!text.includes("\\") && !text.includes("%")) return null;
  // Segments: decoded text from `decodedStarts[k]` came from the source at `sourceStarts[k]`;
  // a segment is either copied as it was or one decoded character.
  const decodedStarts: number[] = [];
  const sourceStarts: number[] = [];
  let decoded = "";
  let copiedFrom = 0;
  const segment = (sourceStart: number, part: string) => {
    decodedStarts.push(decoded.length);
    sourceStarts.push(sourceStart);
    decoded += part;
  };
  const escapes = new RegExp(ESCAPE);
  for (let found = escapes.exec(text); found; found = escapes.exec(text)) {
    const hex = found[1] ?? found[2] ?? found[3];
    const char = hex ? String.fromCharCode(Number.parseInt(hex, 16)) : found[0] === "\\/" ? "/" : "";
    if (!char || !wanted(char)) continue;
    if (found.index > copiedFrom) segment(copiedFrom, text.slice(copiedFrom, found.index));
    segment(found.index, char);
    copiedFrom = escapes.lastIndex;
  }
  if (decodedStarts.length === 0) return null;
  if (copiedFrom < text.length) segment(copiedFrom, text.slice(copiedFrom));
  segment(text.length, "");
  return {
    text: decoded,
    sourceIndex(index) {
      // The last segment starting at or before `index`; a decoded character's segment has one character.
      let low = 0;
      let high = decodedStarts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((decodedStarts[middle] as number) <= index) low = middle;
        else high = middle - 1;
      }
      return (sourceStarts[low] as number) + (index - (decodedStarts[low] as number));
    },
  };
}

// One escape, or a run of backslashes that starts none (passed over whole, so each is looked
// at once): backslashes then `u` and four hex digits or `x` and two (JSON inside JSON has
// more than one); `\/` with one backslash only (of JSON's one-character escapes only it can
// stand for a token's character: base64 has `/`); `%`, any `25`s that two hex digits follow
// (a URL encoded more than once), then the byte's two hex digits.
const ESCAPE = /\\+u([0-9a-fA-F]{4})|\\+x([0-9a-fA-F]{2})|\\\/|\\+|%(?:25(?=[0-9a-fA-F]{2}))*([0-9a-fA-F]{2})/g;
