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
 * Null when `text` holds no escape that `wanted` takes (the common case costs two
 * `indexOf`): an escape of any other character is left as it is, as it could not be part
 * of what is searched for anyway (a JSON text's `\"` and `\n`). Escapes are read
 * wherever they stand, one level deep, however many backslashes come before a `u` (JSON
 * inside JSON) and however many `25`s follow a `%` (a URL encoded twice); `%XX` is read as
 * one byte, so a token is found in its percent-encoded form when it is ASCII (tokens are).
 * Linear in the text's length.
 */
export function decodeEscapes(text: string, wanted: (char: string) => boolean): DecodedText | null {
  let backslash = text.indexOf("\\");
  let percent = text.indexOf("%");
  if (backslash < 0 && percent < 0) return null;
  // Segments: decoded text from `decodedStarts[k]` came from the source at `sourceStarts[k]`;
  // a segment is either copied as it was or one decoded character.
  const decodedStarts: number[] = [];
  const sourceStarts: number[] = [];
  const parts: string[] = [];
  let decodedLength = 0;
  let copiedFrom = 0;
  let searchFrom = 0;
  while (backslash >= 0 || percent >= 0) {
    const at = backslash < 0 ? percent : percent < 0 ? backslash : Math.min(backslash, percent);
    const found = text[at] === "%" ? readPercent(text, at) : readBackslash(text, at);
    if ("char" in found && wanted(found.char)) {
      if (at > copiedFrom) {
        decodedStarts.push(decodedLength);
        sourceStarts.push(copiedFrom);
        parts.push(text.slice(copiedFrom, at));
        decodedLength += at - copiedFrom;
      }
      decodedStarts.push(decodedLength);
      sourceStarts.push(at);
      parts.push(found.char);
      decodedLength += 1;
      copiedFrom = at + found.length;
      searchFrom = copiedFrom;
    } else {
      // Past a run of backslashes as a whole: each is looked at once.
      searchFrom = "char" in found ? at + found.length : found.skipTo;
    }
    if (backslash >= 0 && backslash < searchFrom) backslash = text.indexOf("\\", searchFrom);
    if (percent >= 0 && percent < searchFrom) percent = text.indexOf("%", searchFrom);
  }
  if (parts.length === 0) return null;
  if (copiedFrom < text.length) {
    decodedStarts.push(decodedLength);
    sourceStarts.push(copiedFrom);
    parts.push(text.slice(copiedFrom));
    decodedLength += text.length - copiedFrom;
  }
  decodedStarts.push(decodedLength);
  sourceStarts.push(text.length);
  return {
    text: parts.join(""),
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

interface Escape {
  char: string;
  /** Characters of the source it takes. */
  length: number;
}

/** Where to look for the next escape when there is none at `at`. */
interface NoEscape {
  skipTo: number;
}

function readPercent(text: string, at: number): Escape | NoEscape {
  let hex = at + 1;
  while (text.startsWith("25", hex) && isHex(text, hex + 2) && isHex(text, hex + 3)) hex += 2;
  if (!isHex(text, hex) || !isHex(text, hex + 1)) return { skipTo: at + 1 };
  return { char: String.fromCharCode(Number.parseInt(text.slice(hex, hex + 2), 16)), length: hex + 2 - at };
}

function readBackslash(text: string, at: number): Escape | NoEscape {
  let next = at;
  while (text.charCodeAt(next) === 92 /* \ */) next++;
  const kind = text[next];
  if (kind === "u" && isHex(text, next + 1) && isHex(text, next + 2) && isHex(text, next + 3) && isHex(text, next + 4))
    return { char: String.fromCharCode(Number.parseInt(text.slice(next + 1, next + 5), 16)), length: next + 5 - at };
  if (kind === "x" && isHex(text, next + 1) && isHex(text, next + 2))
    return { char: String.fromCharCode(Number.parseInt(text.slice(next + 1, next + 3), 16)), length: next + 3 - at };
  // Of JSON's one-character escapes only `\/` can stand for a token's character (base64 has `/`).
  return kind === "/" && next === at + 1 ? { char: "/", length: 2 } : { skipTo: next };
}

function isHex(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}
