import { inspect } from "node:util";
import { everythingAnErrorShows, findSecret } from "@friendli-ts/test-kit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { APIError } from "../../src/errors/api-error.ts";
import { MiddlewareError } from "../../src/errors/middleware-error.ts";
import { redact, redactError, redactValue } from "../../src/transport/redact.ts";
import { MAX_REDACTION_DEPTH } from "../../src/transport/redact-value.ts";

// Long: the tests of the one redaction every error, log line and value passes through, by the
// forms a secret can take (plain, escaped, encoded, cut) and the values it can hide in; kept in
// one file so a new form goes beside the others.

const SECRET = "Tk_8FqZ2LmX9pRw7VnK3sYd";
const hex4 = (char: string, upper = false) => {
  const code = char.charCodeAt(0).toString(16).padStart(4, "0");
  return upper ? code.toUpperCase() : code;
};
const jsonEscaped = (text: string, every = 1) =>
  [...text].map((char, i) => (i % every === 0 ? `\\u${hex4(char, i % 3 === 0)}` : char)).join("");
const percentEncoded = (text: string, every = 1) =>
  [...text]
    .map((char, i) => {
      const code = char.charCodeAt(0).toString(16);
      return i % every === 0 ? `%${i % 2 ? code.toUpperCase() : code}` : char;
    })
    .join("");
const noSecretIn = (text: string, where: string) => expect(findSecret(text, SECRET), where).toBeUndefined();

describe("redact", () => {
  it("removes any run of eight or more of the secret's characters, wherever it starts; seven stay", () => {
    for (let start = 0; start < SECRET.length; start++) {
      for (let length = 7; start + length <= SECRET.length; length++) {
        const text = `before ${SECRET.slice(start, start + length)} after`;
        const expected = length >= 8 ? "before [redacted] after" : text;
        expect(redact(text, SECRET), `${length} characters from ${start}`).toBe(expected);
      }
    }
  });

  it("in any case, as often as it appears, and leaves the text around it", () => {
    const text = `a ${SECRET} b ${SECRET.toLowerCase()}.example c ${SECRET}${SECRET} d ${SECRET.toUpperCase()}`;
    expect(redact(text, SECRET)).toBe("a [redacted] b [redacted].example c [redacted][redacted] d [redacted]");
  });

  it("JSON-escaped: every character, some of them, behind one backslash or more", () => {
    const forms = [
      jsonEscaped(SECRET),
      jsonEscaped(SECRET, 2),
      jsonEscaped(SECRET, 5),
      jsonEscaped(SECRET.toUpperCase(), 3),
      jsonEscaped(SECRET).replaceAll("\\u", "\\\\u"),
      `\\x${SECRET.charCodeAt(0).toString(16)}${SECRET.slice(1)}`,
      jsonEscaped(SECRET.slice(10), 4),
    ];
    for (const form of forms) {
      const text = `{"error":"echo ${form}\\n"}`;
      expect(redact(text, SECRET), form).toBe('{"error":"echo [redacted]\\n"}');
    }
  });

  it("a base64 token whose every `/` is escaped as `\\/` (JSON writers may escape slashes)", () => {
    // No eight plain characters in a row: only reading `\/` finds it.
    const token = "Ab3d/Ef5h/Ij7k/Lm9n";
    const text = `{"error":"echo ${token.replaceAll("/", "\\/")}"}`;
    expect(redact(text, token)).toBe('{"error":"echo [redacted]"}');
  });

  it("percent-encoded, in upper or lower hex, once or twice, mixed with plain characters", () => {
    const forms = [
      percentEncoded(SECRET),
      percentEncoded(SECRET, 3),
      percentEncoded(SECRET).replaceAll("%", "%25"),
      percentEncoded(SECRET.slice(12), 2),
    ];
    for (const form of forms) expect(redact(`/v1?next=${form}&x=1`, SECRET), form).toBe("/v1?next=[redacted]&x=1");
  });

  it("what a JSON parser quotes of a text that echoes the secret: its tail too", () => {
    for (let offset = 0; offset < 40; offset++) {
      const body = `${"x".repeat(offset)}${SECRET}!`;
      for (const text of [body, `{"a":"${SECRET.slice(0, 9)}" ${SECRET}`, `[1, ${SECRET.slice(offset % 10)}]`]) {
        let quote = "";
        try {
          JSON.parse(text);
        } catch (error) {
          quote = (error as Error).message;
        }
        noSecretIn(redact(quote, SECRET), quote);
      }
    }
  });

  it("a secret shorter than eight characters only where it stands as a word", () => {
    const text = "POST /serverless/v1/chat/completions answered 400: cha, or cha.";
    expect(redact(text, "cha")).toBe("POST /serverless/v1/chat/completions answered 400: [redacted], or [redacted].");
    expect(redact("token ab1 sent as Ab1 and \\u0061b1, not xab1 or ab1x", "ab1")).toBe(
      "token [redacted] sent as [redacted] and [redacted], not xab1 or ab1x",
    );
    expect(redact("x", "x")).toBe("[redacted]");
  });

  it("text without the secret comes back as it was, escapes and near misses included", () => {
    const texts = [
      `{"error":"quote \\" and \\u0041 and %41 and \\\\"}`,
      `almost ${SECRET.slice(0, 7)} ${SECRET.slice(8, 15)}`,
      "%",
      "\\",
      "%zz \\u12 \\x",
      "\\".repeat(5000),
    ];
    for (const text of texts) expect(redact(text, SECRET)).toBe(text);
  });

  it("a secret with characters that mean something in a pattern", () => {
    expect(redact("x a.b*c(d)+e? y", "a.b*c(d)+e?")).toBe("x [redacted] y");
    expect(redact("x aXbYcZdQe y", "a.b*c(d)+e?")).toBe("x aXbYcZdQe y");
    // Escapes of its own, found as they stand as well as read.
    expect(redact("x ab%41cd\\u0042ef12 y", "ab%41cd\\u0042ef12")).toBe("x [redacted] y");
    expect(redact("x abAcdBef12 y", "ab%41cd\\u0042ef12")).toBe("x abAcdBef12 y");
  });

  it("stays linear on a megabyte made to look like the secret at every step", () => {
    const nearMisses = `${SECRET.slice(0, 7)}#`.repeat(2 ** 17);
    const escapes = "\\u0054%54".repeat(2 ** 16);
    const started = performance.now();
    expect(redact(nearMisses, SECRET)).toBe(nearMisses);
    expect(redact(escapes, SECRET)).toBe(escapes);
    // Linear is some milliseconds on a busy machine; quadratic would be minutes.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe("redact: properties over random secrets and texts", () => {
  const secretChar = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");
  const secrets = fc.string({ unit: secretChar, minLength: 8, maxLength: 48 });
  const noise = fc.string({ unit: fc.constantFrom(...'ab Z9_-:/"{}\\%u0x25'), maxLength: 40 });
  /** One character as an echo may write it. */
  const spelled = (char: string) =>
    fc.oneof(
      fc.constant(char),
      fc.constant(char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase()),
      fc.boolean().map((upper) => `\\u${hex4(char, upper)}`),
      fc.boolean().map((upper) => `\\\\u${hex4(char, upper)}`),
      fc
        .boolean()
        .map((upper) => `%${upper ? char.charCodeAt(0).toString(16).toUpperCase() : char.charCodeAt(0).toString(16)}`),
      fc.constant(`%25${char.charCodeAt(0).toString(16)}`),
    );

  it("no run of eight of the secret's characters survives, whatever form it is echoed in", () => {
    const cases = secrets.chain((secret) =>
      fc.record({
        secret: fc.constant(secret),
        before: noise,
        after: noise,
        run: fc
          .integer({ min: 0, max: secret.length - 8 })
          .chain((start) => fc.integer({ min: start + 8, max: secret.length }).map((end) => secret.slice(start, end)))
          .chain((run) => fc.tuple(...[...run].map(spelled)).map((chars) => chars.join(""))),
      }),
    );
    fc.assert(
      fc.property(cases, ({ secret, before, after, run }) => {
        const redacted = redact(`${before}${run}${after}`, secret);
        expect(findSecret(redacted, secret), redacted).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it("text that does not hold the secret comes back unchanged", () => {
    fc.assert(
      fc.property(secrets, fc.string({ maxLength: 200 }), noise, (secret, text, more) => {
        const plain = `${text}${more}`;
        fc.pre(findSecret(plain, secret) === undefined);
        expect(redact(plain, secret)).toBe(plain);
      }),
      { numRuns: 500 },
    );
  });
});

/** Everything a logger or a screen can show of a value. */
const shown = (value: unknown) => everythingAnErrorShows(value);

describe("redactValue and redactError", () => {
  it("copies records, arrays, maps and sets; keys too, `__proto__` staying a key", () => {
    const value = JSON.parse(`{"__proto__": "${SECRET}", "${SECRET}": [1, "${SECRET}"]}`) as unknown;
    const copy = redactValue({ value, map: new Map([[SECRET, SECRET]]), set: new Set([SECRET]) }, SECRET);
    expect(JSON.stringify(copy.value)).toBe('{"__proto__":"[redacted]","[redacted]":[1,"[redacted]"]}');
    expect(Object.getPrototypeOf(copy.value)).toBe(Object.prototype);
    expect([...copy.map]).toEqual([["[redacted]", "[redacted]"]]);
    expect([...copy.set]).toEqual(["[redacted]"]);
  });

  it("an object held twice is redacted in both places, and a cycle ends", () => {
    const shared = { text: SECRET };
    const cyclic: Record<string, unknown> = { text: SECRET };
    cyclic.self = cyclic;
    const copy = redactValue({ a: shared, b: [shared], cyclic }, SECRET);
    expect(copy.a.text).toBe("[redacted]");
    expect(copy.b[0]).toBe(copy.a);
    expect(copy.cyclic.self).toBe(copy.cyclic);
    expect(copy.cyclic.text).toBe("[redacted]");
  });

  it("the same value back, not a copy, when nothing in it holds the secret (a cycle is copied all the same)", () => {
    const shared = { text: "fine" };
    const error = new Error("fine", {
      cause: { list: [1, "two", shared], again: shared, map: new Map([[1, shared]]) },
    });
    expect(redactError(error, SECRET)).toBe(error);
    const cyclic: Record<string, unknown> = { text: "fine" };
    cyclic.self = cyclic;
    const copy = redactValue(cyclic, SECRET);
    expect(copy.self).toBe(copy);
    expect(cyclic.self).toBe(cyclic);
  });

  it("header names and values, credentials whatever they hold; a name stays a valid header name", () => {
    const headers = new Headers({
      [`x-${SECRET}`]: `Bearer ${SECRET}`,
      authorization: "Basic dXNlcjpwYXNz",
      cookie: "session=abc",
    });
    const error = Object.assign(new Error("x"), { headers });
    const copy = redactError(error, SECRET);
    expect([...copy.headers]).toEqual([
      ["authorization", "Basic [redacted]"],
      ["cookie", "[redacted]"],
      ["x-redacted", "Bearer [redacted]"],
    ]);
    expect(error.headers.get("authorization")).toBe("Basic dXNlcjpwYXNz");
    // The same as a record of headers (provider metadata, a thrown object).
    const record = redactValue({ Authorization: "Bearer other-credential", "x-request-id": `req ${SECRET}` }, SECRET);
    expect(record).toEqual({ Authorization: "Bearer [redacted]", "x-request-id": "req [redacted]" });
  });

  it("every field of an error and its causes, of any kind, on a copy of the same class", () => {
    const inner = new Error(`inner ${SECRET}`, { cause: { sent: SECRET } });
    const error = Object.assign(new AggregateError([inner, SECRET], `outer ${SECRET}`, { cause: SECRET }), {
      requestId: SECRET,
    });
    expect(redactError(Object.assign(new Error("a"), { name: "TimeoutError" }), "Time").name).toBe("TimeoutError");
    const copy = redactError(error, SECRET);
    expect(copy).toBeInstanceOf(AggregateError);
    expect(copy.name).toBe("AggregateError");
    expect(copy.message).toBe("outer [redacted]");
    expect(copy.stack).toContain("outer [redacted]");
    expect(copy.requestId).toBe("[redacted]");
    expect(copy.cause).toBe("[redacted]");
    expect(copy.errors[1]).toBe("[redacted]");
    expect(copy.errors[0]).toBeInstanceOf(Error);
    expect((copy.errors[0] as Error).message).toBe("inner [redacted]");
    expect((copy.errors[0] as Error).cause).toEqual({ sent: "[redacted]" });
    noSecretIn(shown(copy), "the copy");
    // The error given is left as it was.
    expect(error.message).toBe(`outer ${SECRET}`);
    expect(inner.message).toBe(`inner ${SECRET}`);
  });

  it("a frozen error, with frozen causes and fields: a copy, and no TypeError", () => {
    const cause = Object.freeze(new TypeError(`refused ${SECRET}`));
    const error = Object.freeze(
      Object.assign(
        new APIError({ status: 401, headers: new Headers(), body: null, method: "GET", url: "http://a/" }),
        {
          detail: Object.freeze({ sent: Object.freeze([SECRET]) }),
          cause,
        },
      ),
    );
    const copy = redactError(error, SECRET);
    expect(copy).toBeInstanceOf(APIError);
    expect(copy.status).toBe(401);
    expect(copy.detail.sent).toEqual(["[redacted]"]);
    expect(copy.cause).toBeInstanceOf(TypeError);
    noSecretIn(shown(copy), "the copy");
    expect((error.cause as Error).message).toBe(`refused ${SECRET}`);
    expect(Object.isFrozen(error)).toBe(true);
  });

  it("never throws: getters that throw, proxies whose traps throw, a revoked proxy", () => {
    const { proxy: revoked, revoke } = Proxy.revocable({ text: SECRET }, {});
    revoke();
    const hostile = new Proxy(
      { text: SECRET },
      {
        ownKeys() {
          throw new Error(`no keys ${SECRET}`);
        },
      },
    );
    const value = {
      get broken(): string {
        throw new Error(`getter ${SECRET}`);
      },
      get echo() {
        return `getter ${SECRET}`;
      },
      revoked,
      hostile,
      text: SECRET,
    };
    const copy = redactValue(value, SECRET) as Record<string, unknown>;
    expect(copy.echo).toBe("getter [redacted]");
    expect(copy.text).toBe("[redacted]");
    expect(String(copy.broken)).toMatch(/redacted/);
    expect(String(copy.revoked)).toMatch(/redacted/);
    expect(String(copy.hostile)).toMatch(/redacted/);
    noSecretIn(shown(copy), "the copy");
  });

  it("Request, Response, Headers and URL by what they show; the request itself is never kept", () => {
    const request = new Request(`https://api.example/v1/${SECRET}`, { headers: { authorization: `Bearer ${SECRET}` } });
    const response = new Response("body", {
      status: 418,
      headers: { "x-request-id": SECRET },
    });
    const value = {
      request,
      response,
      url: new URL(`https://api.example/?token=${SECRET}`),
      host: new URL(`https://${SECRET}.example/`),
    };
    const copy = redactValue(value, SECRET) as unknown as {
      request: { url: string; headers: Headers };
      response: { status: number; headers: Headers };
      url: URL;
      host: string;
    };
    expect(copy.request).not.toBe(request);
    expect(copy.request.url).toBe("https://api.example/v1/[redacted]");
    expect(copy.request.headers.get("authorization")).toBe("Bearer [redacted]");
    expect(copy.response.status).toBe(418);
    expect(copy.response.headers.get("x-request-id")).toBe("[redacted]");
    expect(String(copy.url)).toBe("https://api.example/?token=[redacted]");
    expect(copy.host).toBe("https://[redacted].example/");
    noSecretIn(inspect(copy, { depth: 20, showHidden: true }), "util.inspect");
    expect(inspect(copy.request)).toContain("Request");
  });

  it("other class instances as a record of their own fields, symbol keys and getters included", () => {
    class Holder {
      readonly visible = `field ${SECRET}`;
      readonly #hidden = SECRET;
      get hidden() {
        return this.#hidden;
      }
      toJSON() {
        return { hidden: this.#hidden };
      }
    }
    const key = Symbol(`key ${SECRET}`);
    const value = { holder: new Holder(), [key]: SECRET, [Symbol("plain")]: `value ${SECRET}` };
    Object.defineProperty(value, "accessor", { get: () => SECRET, enumerable: true });
    const copy = redactValue(value, SECRET);
    expect(copy.holder).not.toBeInstanceOf(Holder);
    expect(copy.holder.visible).toBe("field [redacted]");
    expect(Object.getOwnPropertySymbols(copy).map((symbol) => symbol.description)).toEqual(["key [redacted]", "plain"]);
    expect((copy as Record<string, unknown>).accessor).toBe("[redacted]");
    noSecretIn(`${inspect(copy, { depth: 20, showHidden: true })} ${JSON.stringify(copy)}`, "inspect and JSON");
  });

  it("bytes and dates are kept as they are", () => {
    const bytes = new TextEncoder().encode(SECRET);
    const date = new Date(0);
    const copy = redactValue({ bytes, date, text: SECRET }, SECRET);
    expect(copy.bytes).toBe(bytes);
    expect(copy.date).toBe(date);
  });

  it("a middleware's error carrying the Request it got: util.inspect shows no token", () => {
    const request = new Request("https://api.example/v1/chat", { headers: { authorization: `Bearer ${SECRET}` } });
    const thrown = Object.assign(new Error("refused"), { request });
    const error = new MiddlewareError(
      "middleware 0 onRequest failed: refused",
      { hook: "onRequest", index: 0 },
      {
        cause: thrown,
      },
    );
    const copy = redactError(error, SECRET);
    expect(copy).toBeInstanceOf(MiddlewareError);
    expect(copy.hook).toBe("onRequest");
    noSecretIn(shown(copy), "the error");
    expect(inspect(copy, { depth: 20 })).toContain("Bearer [redacted]");
  });

  it("a DOMException (getters that need the original) is copied into something that still prints", () => {
    const error = new DOMException(`aborted ${SECRET}`, "AbortError");
    const copy = redactError(error, SECRET);
    expect(copy.name).toBe("AbortError");
    expect(copy.message).toBe("aborted [redacted]");
    noSecretIn(inspect(copy), "util.inspect");
  });

  it(`a body nested deeper than ${MAX_REDACTION_DEPTH}: no RangeError, and what lies deeper is replaced whole`, () => {
    let body: unknown = [SECRET];
    for (let depth = 0; depth < 20_000; depth++) body = [body];
    const copy = redactValue({ body }, SECRET);
    let depth = 0;
    for (let at: unknown = copy.body; Array.isArray(at); at = at[0]) depth++;
    expect(depth).toBeLessThan(MAX_REDACTION_DEPTH);
    noSecretIn(JSON.stringify(copy), "the copy");
    // Within the bound, nothing is lost.
    const shallow = redactValue({ a: [[[{ b: SECRET, c: 1 }]]] }, SECRET);
    expect(shallow).toEqual({ a: [[[{ b: "[redacted]", c: 1 }]]] });
  });
});
