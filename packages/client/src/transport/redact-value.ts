import { FriendliError } from "../errors/friendli-error.ts";
import { REDACTED, replaceSecret } from "./replace-secret.ts";

/**
 * How many objects deep redaction walks. An error body is the server's JSON, which may
 * nest thousands deep: what lies deeper is replaced whole, and the walk never runs out of stack.
 */
export const MAX_REDACTION_DEPTH = 64;
const TOO_DEEP = "[redacted: nested too deep]";
const UNREADABLE = "[redacted: could not be read]";
// What replaces the secret in a header name: brackets are not allowed there.
const HEADER_NAME_MARK = "redacted";
// Credentials whatever they hold (Basic is the token in base64): their value always goes.
const CREDENTIAL_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie"]);
const AUTH_SCHEME = /^[A-Za-z][A-Za-z0-9-]{0,19} /;
// Values that hold no text to look into: kept as they are.
const KEPT_AS_THEY_ARE = new Set([
  "[object Date]",
  "[object RegExp]",
  "[object Promise]",
  "[object WeakMap]",
  "[object WeakSet]",
  "[object WeakRef]",
  "[object ArrayBuffer]",
  "[object SharedArrayBuffer]",
  "[object Blob]",
  "[object File]",
]);
// A getter that threw: the copy holds UNREADABLE in its place.
const THREW = Symbol("threw");
const tagOf = (value: object) => Object.prototype.toString.call(value);

/**
 * The same for any value an error carries: strings, and strings inside arrays, records,
 * maps, sets, errors (copied with their class, so `instanceof` and `name` hold), headers
 * (names and values; credentials always), and other class instances by what they show:
 * a `Request` as its method, URL and headers, a `Response` as its status, URL and headers,
 * a `URL` as its address, any other instance as a record of its own fields. Getters are
 * read (one that throws stands as unreadable), symbol keys kept. Never throws and never
 * changes what it was given: anything that had to change is a copy, and what did not is
 * the same value back. Past MAX_REDACTION_DEPTH objects deep, a value is replaced whole.
 */
export function redactValue<T>(value: T, secret: string | null | undefined): T {
  if (!secret) return value;
  try {
    return new Redaction(secret).of(value, 0) as T;
  } catch {
    return standIn(value) as T;
  }
}

/** What stands for a value whose redaction failed even so (the stack was all but full): nothing of it. */
function standIn(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return typeof value === "string" ? REDACTED : value;
  const message = "an error happened that could not be shown without the risk of showing the token";
  try {
    if (value instanceof Error) {
      const copy = Object.create(Object.getPrototypeOf(value)) as Error;
      Object.defineProperty(copy, "message", { value: message, writable: true, configurable: true });
      return copy;
    }
  } catch {
    return new FriendliError(message);
  }
  return REDACTED;
}

interface Walking {
  /** What will stand for the object if anything in it changes; a cycle back to the object takes it. */
  copy: object;
  taken: boolean;
}

class Redaction {
  // Each object walked, with what stands for it (itself when nothing in it changed): an
  // object held twice (a 422's body and its issues) gets one copy, and a cycle ends.
  private readonly done = new WeakMap<object, unknown>();
  private readonly walking = new Map<object, Walking>();

  constructor(private readonly secret: string) {}

  of(value: unknown, depth: number): unknown {
    if (typeof value === "string") return this.text(value);
    if (typeof value === "symbol") return this.symbol(value);
    if (typeof value !== "object" || value === null) return value;
    const done = this.done.get(value);
    if (done !== undefined) return done;
    const walking = this.walking.get(value);
    if (walking) {
      walking.taken = true;
      return walking.copy;
    }
    if (depth >= MAX_REDACTION_DEPTH) return TOO_DEEP;
    let result: unknown;
    try {
      result = this.object(value, depth);
    } catch {
      // A proxy whose traps throw, a fake built to fail: nothing of it is shown.
      result = UNREADABLE;
    } finally {
      this.walking.delete(value);
    }
    this.done.set(value, result);
    return result;
  }

  text(text: string, mark = REDACTED): string {
    try {
      return replaceSecret(text, this.secret, mark);
    } catch {
      return mark;
    }
  }

  private symbol(symbol: symbol): symbol {
    const { description } = symbol;
    if (description === undefined) return symbol;
    const redacted = this.text(description);
    return redacted === description ? symbol : Symbol(redacted);
  }

  private object(value: object, depth: number): unknown {
    const prototype: object | null = Object.getPrototypeOf(value);
    if (Array.isArray(value)) return this.fields(value, depth, new Array(value.length));
    if (prototype === Object.prototype || prototype === null)
      return this.fields(value, depth, Object.create(prototype));
    if (ArrayBuffer.isView(value)) return value; // bytes
    const tag = tagOf(value);
    if (KEPT_AS_THEY_ARE.has(tag)) return value;
    if (value instanceof Error || tag === "[object Error]") {
      // The same class; name, message and stack as fields of the copy, since a class may
      // give them through getters that work on the original only (DOMException).
      return this.fields(value, depth, Object.create(prototype), ["name", "message", "stack"]);
    }
    switch (tag) {
      case "[object Headers]":
        return this.headers(value as Headers);
      case "[object Request]":
        // Never the request itself: its headers carry the token, and its body cannot be looked into.
        return this.snapshot(value, depth, "Request", ["method", "url", "headers"]);
      case "[object Response]":
        return this.snapshot(value, depth, "Response", ["status", "statusText", "url", "redirected", "headers"]);
      case "[object URL]":
        return this.url(value as URL);
      case "[object URLSearchParams]":
      case "[object String]": {
        const text = String(value);
        const redacted = this.text(text);
        return redacted === text ? value : redacted;
      }
      case "[object Map]":
      case "[object Set]":
        return this.collection(value as Map<unknown, unknown>, depth, tag === "[object Map]");
    }
    // Any other class instance: a record of its own fields, named after its class, since
    // its methods and getters may show what its fields hold.
    const copy = tagged(this.text(className(prototype)));
    return this.fields(value, depth, copy, [], true);
  }

  /**
   * `value`'s own fields, string and symbol keys alike, each redacted, into `copy` when
   * anything changed (or `always`); `value` itself when nothing did. `inherited` names
   * fields read through the prototype when they are not the object's own.
   */
  private fields(value: object, depth: number, copy: object, inherited: string[] = [], always = false): object {
    const walking: Walking = { copy, taken: false };
    this.walking.set(value, walking);
    const isArray = Array.isArray(copy);
    let changed = always;
    const kept: [PropertyKey, PropertyDescriptor][] = [];
    const keep = (key: PropertyKey, item: unknown, enumerable: boolean) => {
      // Headers as a record (`{ authorization: "Bearer ..." }`, provider metadata) are credentials too.
      const credential =
        typeof key === "string" && typeof item === "string" && CREDENTIAL_HEADERS.has(key.toLowerCase());
      const redacted = item === THREW ? UNREADABLE : credential ? this.credential(key, item) : this.of(item, depth + 1);
      const name = typeof key === "string" ? this.text(key) : typeof key === "symbol" ? this.symbol(key) : key;
      if (redacted !== item || name !== key) changed = true;
      kept.push([name, { value: redacted, enumerable, writable: true, configurable: true }]);
    };
    for (const key of Reflect.ownKeys(value)) {
      if (isArray && key === "length") continue;
      const field = Reflect.getOwnPropertyDescriptor(value, key);
      if (field)
        keep(key, "value" in field ? field.value : read(() => field.get?.call(value)), field.enumerable === true);
    }
    for (const key of inherited) {
      if (Reflect.getOwnPropertyDescriptor(value, key)) continue;
      const item = read(() => Reflect.get(value, key));
      if (typeof item === "string" || item === THREW) keep(key, item, false);
    }
    if (!changed && !walking.taken) return value;
    for (const [key, field] of kept) Object.defineProperty(copy, key, field);
    return copy;
  }

  /** A record of what a class instance shows through its getters (`Request`, `Response`), never the instance. */
  private snapshot(value: object, depth: number, name: string, shown: string[]): object {
    const copy = tagged(name);
    this.walking.set(value, { copy, taken: false });
    for (const key of shown) {
      const item = read(() => Reflect.get(value, key));
      const field = { value: item === THREW ? UNREADABLE : this.of(item, depth + 1), enumerable: true, writable: true };
      Object.defineProperty(copy, key, { ...field, configurable: true });
    }
    return copy;
  }

  private headers(headers: Headers): Headers {
    let changed = false;
    const entries: [string, string][] = [];
    for (const [name, value] of headers) {
      const newName = this.text(name, HEADER_NAME_MARK);
      const newValue = CREDENTIAL_HEADERS.has(name.toLowerCase()) ? this.credential(name, value) : this.text(value);
      if (newName !== name || newValue !== value) changed = true;
      entries.push([newName, newValue]);
    }
    if (!changed) return headers;
    const copy = new Headers();
    for (const [name, value] of entries) copy.append(name, value);
    return copy;
  }

  /** `Bearer [redacted]`: the scheme stays (it tells which credential it was), the rest goes. */
  private credential(name: string, value: string): string {
    const scheme = name.toLowerCase().endsWith("authorization") ? AUTH_SCHEME.exec(value)?.[0] : undefined;
    return scheme ? `${this.text(scheme)}${REDACTED}` : REDACTED;
  }

  private url(url: URL): unknown {
    const href = url.href;
    const redacted = this.text(href);
    if (redacted === href) return url;
    try {
      return new URL(redacted);
    } catch {
      // The secret was in the host: `[redacted]` is no host name, so the address stays text.
      return redacted;
    }
  }

  /** A map's keys and values, or a set's values, into a new one when anything changed. */
  private collection(value: Map<unknown, unknown> | Set<unknown>, depth: number, isMap: boolean): object {
    const copy = isMap ? new Map() : new Set();
    const walking: Walking = { copy, taken: false };
    this.walking.set(value, walking);
    let changed = false;
    const entries: [unknown, unknown][] = [];
    const all = isMap ? Map.prototype.entries.call(value) : Set.prototype.entries.call(value);
    for (const [key, item] of all as Iterable<[unknown, unknown]>) {
      const entry: [unknown, unknown] = [this.of(key, depth + 1), isMap ? this.of(item, depth + 1) : undefined];
      if (entry[0] !== key || (isMap && entry[1] !== item)) changed = true;
      entries.push(entry);
    }
    if (!changed && !walking.taken) return value;
    for (const [key, item] of entries) copy instanceof Map ? copy.set(key, item) : copy.add(key);
    return copy;
  }
}

/** What a getter gives, or THREW. */
function read(get: () => unknown): unknown {
  try {
    return get();
  } catch {
    return THREW;
  }
}

/** A plain record that `util.inspect` names `Object [name]`. */
function tagged(name: string): object {
  return Object.defineProperty({}, Symbol.toStringTag, { value: name, configurable: true });
}

function className(prototype: object | null): string {
  const name = read(() => (prototype as { constructor?: { name?: unknown } } | null)?.constructor?.name);
  return typeof name === "string" && name ? name : "Object";
}
