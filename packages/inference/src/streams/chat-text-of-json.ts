// The chat stream's text deltas straight from each event's JSON text, for the one shape
// nearly every chunk has: the scan below reads it in one pass and builds no objects, where
// JSON.parse would build the whole chunk only for `textOf` to read one string of it.

// The scan's place in the text; the scan never calls out to anything that scans again.
let text = "";
let at = 0;

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const ZERO = 48;
const NINE = 57;

// Thrown (never seen outside) when the text leaves the shape: the general path takes it.
const UNKNOWN = Symbol("not the common shape");

/**
 * What `chatKind.textOf` gives (null for nothing, as `textDeltas()` skips it) for a chunk
 * whose JSON text is `json`, or undefined when the text is not of the common shape: an object
 * with no whitespace, of `id`, `object`, `model`, `system_fingerprint` (text or
 * null), `created` (a whole number or null), `usage` (null) and `choices` (null, or a list of
 * at most one choice with `index` (a whole number or null), `finish_reason` (text or null),
 * `logprobs` (null) and `delta` (null, or an object of `role`, `content`, `reasoning_content`,
 * `reasoning`, each text or null)). Such text is valid JSON whose chunk passes the chat
 * shape check and is no error event; anything else, however close, goes the general way,
 * which gives the same result or throws its own error.
 */
export function chatTextOfJson(json: string): string | null | undefined {
  text = json;
  at = 0;
  try {
    const content = chunk();
    return at === text.length ? content || null : undefined;
  } catch (error) {
    if (error === UNKNOWN) return undefined;
    throw error;
  } finally {
    text = "";
  }
}

function expect(char: number): void {
  if (text.charCodeAt(at) !== char) throw UNKNOWN;
  at++;
}

/** A list of keys each written `"name":`, with each name's first character for a quick test. */
interface Keys {
  written: readonly string[];
  first: readonly number[];
}

const keysOf = (names: readonly string[]): Keys => ({
  written: names.map((name) => `"${name}":`),
  first: names.map((name) => name.charCodeAt(0)),
});

/**
 * Which of `keys` starts at `at`, which then moves past it; any other key leaves the shape.
 * A key may come twice: the later value is kept, as JSON.parse keeps it.
 */
function key({ written, first }: Keys): number {
  const char = text.charCodeAt(at + 1);
  for (let k = 0; k < first.length; k++) {
    if (first[k] !== char) continue;
    const name = written[k] as string;
    if (!text.startsWith(name, at)) continue;
    at += name.length;
    return k;
  }
  throw UNKNOWN;
}

/** After a member: true at `}` (the object ends), false at `,`. */
function ends(): boolean {
  const next = text.charCodeAt(at++);
  if (next === CLOSE_BRACE) return true;
  if (next !== COMMA) throw UNKNOWN;
  return false;
}

/** Text or null; the text is read only when `wanted`. */
function stringOrNull(wanted: boolean): string | null {
  if (text.startsWith("null", at)) {
    at += 4;
    return null;
  }
  expect(QUOTE);
  const start = at;
  let escaped = false;
  for (;;) {
    const code = text.charCodeAt(at++);
    if (code === QUOTE) break;
    // NaN past the end fails here too.
    if (!(code >= 0x20)) throw UNKNOWN;
    if (code === BACKSLASH) {
      escaped = true;
      at++;
    }
  }
  if (!escaped) return wanted ? text.slice(start, at - 1) : null;
  // JSON.parse reads the string alone, so a bad escape leaves the shape (and the general
  // path throws its error for the whole text).
  let value: unknown;
  try {
    value = JSON.parse(text.slice(start - 1, at));
  } catch {
    throw UNKNOWN;
  }
  return wanted ? (value as string) : null;
}

/** A whole number (digits, no leading zero; at most 15, so a safe integer) or null. */
function wholeOrNull(): void {
  if (text.startsWith("null", at)) {
    at += 4;
    return;
  }
  const start = at;
  let code = text.charCodeAt(at);
  while (code >= ZERO && code <= NINE) code = text.charCodeAt(++at);
  const digits = at - start;
  if (digits === 0 || digits > 15 || (digits > 1 && text.charCodeAt(start) === ZERO)) throw UNKNOWN;
}

function needNull(): void {
  if (!text.startsWith("null", at)) throw UNKNOWN;
  at += 4;
}

const CHUNK_KEYS = keysOf(["choices", "id", "object", "created", "model", "usage", "system_fingerprint"]);

function chunk(): string | null {
  let content: string | null = null;
  expect(OPEN_BRACE);
  if (text.charCodeAt(at) === CLOSE_BRACE) {
    at++;
    return null;
  }
  do {
    const k = key(CHUNK_KEYS);
    if (k === 0) content = choices();
    else if (k === 3) wholeOrNull();
    else if (k === 5) needNull();
    else stringOrNull(false);
  } while (!ends());
  return content;
}

const CHOICE_KEYS = keysOf(["delta", "index", "finish_reason", "logprobs"]);

function choices(): string | null {
  if (text.startsWith("null", at)) {
    at += 4;
    return null;
  }
  expect(OPEN_BRACKET);
  if (text.charCodeAt(at) === CLOSE_BRACKET) {
    at++;
    return null;
  }
  let content: string | null = null;
  expect(OPEN_BRACE);
  if (text.charCodeAt(at) === CLOSE_BRACE) at++;
  else {
    do {
      const k = key(CHOICE_KEYS);
      if (k === 0) content = delta();
      else if (k === 1) wholeOrNull();
      else if (k === 2) stringOrNull(false);
      else needNull();
    } while (!ends());
  }
  expect(CLOSE_BRACKET);
  return content;
}

const DELTA_KEYS = keysOf(["content", "role", "reasoning_content", "reasoning"]);

function delta(): string | null {
  if (text.startsWith("null", at)) {
    at += 4;
    return null;
  }
  expect(OPEN_BRACE);
  if (text.charCodeAt(at) === CLOSE_BRACE) {
    at++;
    return null;
  }
  let content: string | null = null;
  do {
    const k = key(DELTA_KEYS);
    if (k === 0) content = stringOrNull(true);
    else stringOrNull(false);
  } while (!ends());
  return content;
}
