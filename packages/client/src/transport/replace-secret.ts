import { type DecodedText, decodeEscapes } from "./decode-escapes.ts";

/** What stands where the secret was. */
export const REDACTED = "[redacted]";

/**
 * The fewest consecutive characters of a secret taken for the secret. Text is cut in many
 * places (messages, `bodyStart`, the ten or so characters a JSON parser quotes around the
 * spot it could not read), so what survives of a token may be any stretch of it; eight
 * random characters do not turn up in other text by chance. A shorter secret is searched
 * for whole, as a word only: its letters turn up inside ordinary words.
 */
const SHORTEST_RUN = 8;

// Any run of SHORTEST_RUN characters of the secret holds one of its BLOCK-character pieces
// that start at a multiple of STEP (8 >= 5 + 3), so one regex over those pieces finds
// every place to look closer at. Fewer, longer pieces keep that regex as fast as can be.
const BLOCK = 5;
const STEP = 3;

interface Matcher {
  secret: string;
  /** Where to look closer: a piece of the secret (long secrets), or the whole secret (short ones). */
  candidates: RegExp;
  /** The start of each piece in the secret. */
  blockStarts: number[];
  /** The secret's characters, lower-cased: only an escape of one of them needs reading. */
  chars: Set<string>;
  /** The secret holds a character that starts an escape. */
  escapes: boolean;
}

// A few secrets at a time (the CLI redacts several): compiled once each.
const matchers = new Map<string, Matcher>();

function matcherFor(secret: string): Matcher {
  let matcher = matchers.get(secret);
  if (!matcher) {
    const blockStarts: number[] = [];
    const pieces = new Set<string>();
    if (secret.length >= SHORTEST_RUN) {
      for (let start = 0; start + BLOCK <= secret.length; start += STEP) {
        blockStarts.push(start);
        pieces.add(escapePattern(secret.slice(start, start + BLOCK)));
      }
    } else {
      pieces.add(escapePattern(secret));
    }
    const chars = new Set(secret.toLowerCase());
    const escapes = secret.includes("%") || secret.includes("\\");
    matcher = { secret, candidates: new RegExp([...pieces].join("|"), "gi"), blockStarts, chars, escapes };
    if (matchers.size >= 8) matchers.clear();
    matchers.set(secret, matcher);
  }
  return matcher;
}

function escapePattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

/**
 * Replaces with `mark` every place `text` spells the secret or a run of SHORTEST_RUN or
 * more of its characters, in any case, plainly or through escapes (JSON `\u0066`,
 * percent `%66`, mixed with plain characters). The same string back when there is none.
 * Linear in the text's length: one regex over the text finds where to look closer.
 */
export function replaceSecret(text: string, secret: string, mark: string): string {
  // Too short to hold what is searched for, even spelled plainly.
  if (text.length < Math.min(secret.length, SHORTEST_RUN)) return text;
  const matcher = matcherFor(secret);
  // A secret that itself holds `%` or `\\` is looked for as it stands first: reading the
  // text's escapes would take its own characters apart.
  const plain = matcher.escapes ? replaceRanges(text, findRanges(text, matcher), null, mark) : text;
  const decoded = decodeEscapes(plain, (char) => matcher.chars.has(char.toLowerCase()));
  if (decoded) return replaceRanges(plain, findRanges(decoded.text, matcher), decoded, mark);
  return matcher.escapes ? plain : replaceRanges(plain, findRanges(plain, matcher), null, mark);
}

/** `text` with each range (in `decoded`'s positions when given) replaced by `mark`. */
function replaceRanges(text: string, ranges: number[], decoded: DecodedText | null, mark: string): string {
  if (ranges.length === 0) return text;
  let kept = "";
  let from = 0;
  for (let k = 0; k < ranges.length; k += 2) {
    const start = decoded ? decoded.sourceIndex(ranges[k] as number) : (ranges[k] as number);
    const end = decoded ? decoded.sourceIndex(ranges[k + 1] as number) : (ranges[k + 1] as number);
    kept += text.slice(from, start) + mark;
    from = end;
  }
  return kept + text.slice(from);
}

/** Start and end of each place the secret shows in `text`, in order, not overlapping. */
function findRanges(text: string, matcher: Matcher): number[] {
  const { candidates, secret } = matcher;
  const ranges: number[] = [];
  candidates.lastIndex = 0;
  let floor = 0;
  for (let found = candidates.exec(text); found; found = candidates.exec(text)) {
    const at = found.index;
    const end =
      secret.length >= SHORTEST_RUN ? runEnd(text, at, floor, matcher, ranges) : wordEnd(text, at, secret, ranges);
    if (end < 0) {
      candidates.lastIndex = at + 1;
    } else {
      floor = end;
      candidates.lastIndex = end;
    }
  }
  return ranges;
}

/**
 * The longest run of the secret's characters through the piece found at `at` (back to
 * `floor` at most); records it and gives its end when it has SHORTEST_RUN characters or more.
 */
function runEnd(text: string, at: number, floor: number, matcher: Matcher, ranges: number[]): number {
  const { secret, blockStarts } = matcher;
  let bestStart = 0;
  let bestEnd = -1;
  for (const start of blockStarts) {
    let matches = true;
    for (let k = 0; k < BLOCK && matches; k++) matches = sameChar(text[at + k], secret[start + k]);
    if (!matches) continue;
    let back = 0;
    while (back < start && at - back > floor && sameChar(text[at - back - 1], secret[start - back - 1])) back++;
    let ahead = BLOCK;
    while (start + ahead < secret.length && sameChar(text[at + ahead], secret[start + ahead])) ahead++;
    if (back + ahead > bestEnd - bestStart) {
      bestStart = at - back;
      bestEnd = at + ahead;
    }
  }
  if (bestEnd - bestStart < SHORTEST_RUN) return -1;
  ranges.push(bestStart, bestEnd);
  return bestEnd;
}

/** A short secret counts only as a whole word: not inside a longer run of letters and digits. */
function wordEnd(text: string, at: number, secret: string, ranges: number[]): number {
  const end = at + secret.length;
  const joinsBefore = isWordChar(secret[0]) && isWordChar(text[at - 1]);
  const joinsAfter = isWordChar(secret[secret.length - 1]) && isWordChar(text[end]);
  if (joinsBefore || joinsAfter) return -1;
  ranges.push(at, end);
  return end;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

function isWordChar(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  if (code < 128)
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return WORD_CHAR.test(char);
}

function sameChar(a: string | undefined, b: string | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase());
}
