import { dropped, type Logger } from "./logger.ts";

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
  return secret ? (redactAny(value, secret, new WeakMap()) as T) : value;
}

// Each container seen, with its redacted copy: two fields holding the same object (a 422's
// body and its issues) both get the copy, and a cycle ends.
type Done = WeakMap<object, unknown>;

function redactAny(value: unknown, secret: string, done: Done): unknown {
  if (typeof value === "string") return redact(value, secret);
  if (typeof value !== "object" || value === null) return value;
  if (done.has(value)) return done.get(value);
  if (value instanceof Error) {
    done.set(value, value);
    return redactErrorFields(value, secret, done);
  }
  if (value instanceof Headers) return remember(done, value, redactHeaders(value, secret));
  if (Array.isArray(value)) {
    const copy = remember(done, value, [] as unknown[]);
    for (const item of value) copy.push(redactAny(item, secret, done));
    return copy;
  }
  if (value instanceof Map) {
    const copy = remember(done, value, new Map());
    for (const [key, item] of value) copy.set(redactAny(key, secret, done), redactAny(item, secret, done));
    return copy;
  }
  if (value instanceof Set) {
    const copy = remember(done, value, new Set());
    for (const item of value) copy.add(redactAny(item, secret, done));
    return copy;
  }
  const prototype = Object.getPrototypeOf(value);
  // Bytes, dates, URLs and the like are left as they are; records are copied.
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy = remember(done, value, {} as Record<string, unknown>);
  for (const [key, item] of Object.entries(value)) {
    // Defined, not assigned: a `__proto__` key stays a key.
    const field = { value: redactAny(item, secret, done), enumerable: true, writable: true, configurable: true };
    Object.defineProperty(copy, redact(key, secret), field);
  }
  return copy;
}

function remember<C>(done: Done, value: object, copy: C): C {
  done.set(value, copy);
  return copy;
}

/** Every own field of an error but its class's name: message, stack, causes, `errors`. */
function redactErrorFields(error: Error, secret: string, done: Done): Error {
  for (const key of Object.getOwnPropertyNames(error)) {
    if (key === "name") continue;
    const field = Object.getOwnPropertyDescriptor(error, key);
    if (!field || !("value" in field) || !(field.writable || field.configurable)) continue;
    const value = redactAny(field.value, secret, done);
    if (value !== field.value) Object.defineProperty(error, key, { ...field, value });
  }
  // A stack some engines keep behind an accessor rather than an own field.
  if (error.stack && redact(error.stack, secret) !== error.stack) error.stack = redact(error.stack, secret);
  return error;
}

/**
 * A logger whose every line (and every string beside it) is redacted, for what runs inside
 * a call and logs: middleware, the drift check among them. Levels that are off stay off.
 */
export function redactingLogger(logger: Logger, secret: string | null | undefined): Logger {
  if (!secret) return logger;
  const at = (level: keyof Logger) => {
    const write = logger[level];
    if (write === dropped) return dropped;
    return (message: string, ...rest: unknown[]) =>
      write.call(logger, redact(message, secret), ...rest.map((item) => redactValue(item, secret)));
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
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
