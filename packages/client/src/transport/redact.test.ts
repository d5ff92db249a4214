import { describe, expect, it } from "vitest";
import { redact, redactError, redactValue } from "./redact.ts";

const SECRET = "Tk_8FqZ2LmX9pRw7VnK3sYd";

describe("redact", () => {
  it("removes the secret, and what any cut leaves of it from six characters on", () => {
    for (let kept = 0; kept <= SECRET.length; kept++) {
      const text = `before ${SECRET.slice(0, kept)}`;
      const expected = kept >= 6 ? "before [redacted]" : text;
      expect(redact(text, SECRET), `${kept} characters kept`).toBe(expected);
    }
  });

  it("in any case, as often as it appears, and leaves the text around it", () => {
    const text = `a ${SECRET} b ${SECRET.toLowerCase()}.example c ${SECRET}${SECRET}`;
    expect(redact(text, SECRET)).toBe("a [redacted] b [redacted].example c [redacted][redacted]");
  });

  it("a secret with characters that mean something in a pattern", () => {
    expect(redact("x a.b*c(d)+e? y", "a.b*c(d)+e?")).toBe("x [redacted] y");
    expect(redact("x aXbYcZdQe y", "a.b*c(d)+e?")).toBe("x aXbYcZdQe y");
  });
});

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
    expect(copy.b[0]?.text).toBe("[redacted]");
    expect((copy.cyclic.self as Record<string, unknown>).text).toBe("[redacted]");
  });

  it("header names and values; a name stays a valid header name", () => {
    const error = Object.assign(new Error("x"), {
      headers: new Headers({ [`x-${SECRET}`]: `Bearer ${SECRET}` }),
    });
    redactError(error, SECRET);
    expect([...error.headers]).toEqual([["x-redacted", "Bearer [redacted]"]]);
  });

  it("every field of an error and its causes, of any kind, but not its class's name", () => {
    const inner = new Error(`inner ${SECRET}`, { cause: { sent: SECRET } });
    const error = Object.assign(new AggregateError([inner, SECRET], `outer ${SECRET}`, { cause: SECRET }), {
      requestId: SECRET,
    });
    expect(redactError(Object.assign(new Error("a"), { name: "TimeoutError" }), "Time").name).toBe("TimeoutError");
    redactError(error, SECRET);
    expect(error.message).toBe("outer [redacted]");
    expect(error.stack).not.toContain(SECRET.slice(0, 6));
    expect(error.requestId).toBe("[redacted]");
    expect(error.cause).toBe("[redacted]");
    expect(error.errors[1]).toBe("[redacted]");
    expect(inner.message).toBe("inner [redacted]");
    expect(inner.cause).toEqual({ sent: "[redacted]" });
  });
});
