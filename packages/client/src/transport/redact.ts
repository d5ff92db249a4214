const MARK = "[redacted]";
// What replaces the secret in a header name: brackets are not allowed there.
const NAME_MARK = "redacted";
/**
 * Text is cut in many places (messages, `bodyStart`, the quote a JSON parser makes of what
 * it could not read), so a token that straddles a cut survives as its first characters.
 * Any run of at least this many of them counts as the secret, wherever it stands.
 */
const SHORTEST_PREFIX = 6;

let cached: { secret: string; head: RegExp } | undefined;

/** Finds the secret's first characters, case-insensitively: a URL host comes back lower-cased. */
function headPattern(secret: string): RegExp {
  if (cached?.secret !== secret) {
    const head = secret.slice(0, SHORTEST_PREFIX).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    cached = { secret, head: new RegExp(head, "gi") };
  }
  return cached.head;
}

const sameChar = (a: string | undefined, b: string | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase());

function replaceSecret(text: string, secret: string, mark: string): string {
  const head = headPattern(secret);
  head.lastIndex = 0;
  let found = head.exec(text);
  if (!found) return text;
  let kept = "";
  let from = 0;
  while (found) {
    // Past the head, as far as the text goes on spelling the secret.
    let end = found.index + found[0].length;
    for (let at = found[0].length; at < secret.length && sameChar(text[end], secret[at]); at++) end++;
    kept += text.slice(from, found.index) + mark;
    from = end;
    head.lastIndex = end;
    found = head.exec(text);
  }
  return kept + text.slice(from);
}

/**
 * Replaces every occurrence of the secret in text, and every run of its first six or more
 * characters (what a cut leaves of it), so neither can leak through a message.
 */
export function redact(text: string, secret: string | null | undefined): string {
  return secret && text ? replaceSecret(text, secret, MARK) : text;
}

function redactHeaders(headers: Headers, secret: string): Headers {
  const copy = new Headers();
  for (const [name, value] of headers) copy.append(replaceSecret(name, secret, NAME_MARK), redact(value, secret));
  return copy;
}

/**
 * The same for any value an error carries: strings, and strings inside arrays, objects,
 * maps, sets, headers (names and values) and errors. Plain containers are copied; errors
 * are redacted in place.
 */
export function redactValue<T>(value: T, secret: string | null | undefined): T {
  return secret ? (redactAny(value, secret, new WeakSet()) as T) : value;
}

function redactAny(value: unknown, secret: string, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return redact(value, secret);
  if (typeof value !== "object" || value === null) return value;
  if (seen.has(value)) return value;
  seen.add(value);
  if (value instanceof Error) return redactErrorFields(value, secret, seen);
  if (value instanceof Headers) return redactHeaders(value, secret);
  if (Array.isArray(value)) return value.map((item) => redactAny(item, secret, seen));
  if (value instanceof Map) {
    return new Map([...value].map(([key, item]) => [redactAny(key, secret, seen), redactAny(item, secret, seen)]));
  }
  if (value instanceof Set) return new Set([...value].map((item) => redactAny(item, secret, seen)));
  const prototype = Object.getPrototypeOf(value);
  // Bytes, dates, URLs and the like are left as they are; records are copied.
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [redact(key, secret), redactAny(item, secret, seen)]),
  );
}

/** Every own field of an error but its class's name: message, stack, causes, `errors`. */
function redactErrorFields(error: Error, secret: string, seen: WeakSet<object>): Error {
  for (const key of Object.getOwnPropertyNames(error)) {
    if (key === "name") continue;
    const field = Object.getOwnPropertyDescriptor(error, key);
    if (!field || !("value" in field) || !(field.writable || field.configurable)) continue;
    const value = redactAny(field.value, secret, seen);
    if (value !== field.value) Object.defineProperty(error, key, { ...field, value });
  }
  // A stack some engines keep behind an accessor rather than an own field.
  if (error.stack && redact(error.stack, secret) !== error.stack) error.stack = redact(error.stack, secret);
  return error;
}

/**
 * The one door every error leaves the SDK through: removes the secret from everything the
 * error carries, each field, header names and values, and its causes (errors or not,
 * `AggregateError.errors` too). Transport, streams and the wrappers' helpers all call it
 * with the secret of the call the error came from. A thrown value that is not an Error is
 * redacted as a value.
 */
export function redactError<E>(error: E, secret: string | null | undefined): E {
  return redactValue(error, secret);
}
