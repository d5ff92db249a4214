import { readFileSync } from "node:fs";
import { InvalidInputError } from "@friendli-ts/client";
import { describe, expect, it } from "vitest";
import { validateWithSchema } from "../../src/helpers/schema-checks.ts";
import { validateJsonSchema as validateWith } from "../../src/helpers/validate-json-schema.ts";

// The validator takes its caller's error for a schema it cannot use (it imports nothing).
const validateJsonSchema = (schema: Parameters<typeof validateWith>[0], value: unknown) =>
  validateWith(schema, value, (message, cause) => new InvalidInputError(message, { cause }));

const weather = {
  type: "object",
  properties: {
    city: { type: "string", minLength: 1 },
    celsius: { type: "number", minimum: -90, maximum: 60 },
    sky: { enum: ["clear", "cloudy", "rain"] },
    hourly: { type: "array", items: { $ref: "#/$defs/hour" }, maxItems: 3 },
    note: { type: ["string", "null"] },
  },
  required: ["city", "celsius"],
  additionalProperties: false,
  $defs: { hour: { type: "object", properties: { h: { type: "integer" } }, required: ["h"] } },
};

describe("validateJsonSchema", () => {
  it("accepts a matching value", () => {
    const value = { city: "Oslo", celsius: 3.5, sky: "rain", hourly: [{ h: 1 }], note: null };
    expect(validateJsonSchema(weather, value)).toEqual([]);
  });

  it("names each problem with its path", () => {
    const value = { city: "", celsius: 99, sky: "hail", hourly: [{ h: 1.5 }], extra: true };
    expect(validateJsonSchema(weather, value)).toEqual([
      { path: ["city"], message: "shorter than 1" },
      { path: ["celsius"], message: "more than 60" },
      { path: ["sky"], message: 'expected one of "clear", "cloudy", "rain"' },
      { path: ["hourly", 0, "h"], message: "expected integer, got number" },
      { path: ["extra"], message: 'has unexpected property "extra"' },
    ]);
  });

  it("reports missing required properties and wrong root types", () => {
    expect(validateJsonSchema(weather, { city: "Oslo" })).toEqual([
      { path: [], message: 'is missing required property "celsius"' },
    ]);
    expect(validateJsonSchema(weather, [1])).toEqual([{ path: [], message: "expected object, got array" }]);
  });

  it("anyOf, oneOf and const", () => {
    const schema = { anyOf: [{ type: "string" }, { const: 7 }] };
    expect(validateJsonSchema(schema, "x")).toEqual([]);
    expect(validateJsonSchema(schema, 7)).toEqual([]);
    expect(validateJsonSchema(schema, 8)).toHaveLength(1);
    const one = { oneOf: [{ type: "number" }, { type: "integer" }] };
    expect(validateJsonSchema(one, 1.5)).toEqual([]);
    expect(validateJsonSchema(one, 2)).toEqual([{ path: [], message: "matches more than one oneOf option" }]);
  });
});

describe("validateJsonSchema counts own properties only", () => {
  const closed = { type: "object", properties: { a: { type: "string" } }, additionalProperties: false };
  // JSON.parse makes each of these an ordinary own key of the value.
  const inherited = ["constructor", "toString", "hasOwnProperty", "valueOf", "__proto__"];

  it.each(inherited)("refuses %s under additionalProperties: false", (key) => {
    const value = JSON.parse(`{"a":"x",${JSON.stringify(key)}:{}}`);
    expect(validateJsonSchema(closed, value)).toEqual([{ path: [key], message: `has unexpected property "${key}"` }]);
  });

  it.each(inherited)("a required %s is missing unless the value has it", (key) => {
    const schema = { type: "object", required: [key] };
    expect(validateJsonSchema(schema, {})).toEqual([{ path: [], message: `is missing required property "${key}"` }]);
    expect(validateJsonSchema(schema, JSON.parse(`{${JSON.stringify(key)}:1}`))).toEqual([]);
  });

  it("an inherited key's value is checked against the schema's own property, not Object.prototype", () => {
    const schema = { type: "object", properties: { constructor: { type: "string" } } };
    expect(validateJsonSchema(schema, { constructor: 5 })).toEqual([
      { path: ["constructor"], message: "expected string, got integer" },
    ]);
    // `toString` is no property of this schema: the additional-properties rule applies to it.
    expect(validateJsonSchema({ ...schema, additionalProperties: { type: "integer" } }, { toString: "x" })).toEqual([
      { path: ["toString"], message: "expected integer, got string" },
    ]);
  });

  it("patternProperties check matching keys and keep them out of additionalProperties", () => {
    const schema = { type: "object", patternProperties: { "^x-": { type: "number" } }, additionalProperties: false };
    expect(validateJsonSchema(schema, { "x-a": 1 })).toEqual([]);
    expect(validateJsonSchema(schema, { "x-a": "1", b: 1 })).toEqual([
      { path: ["x-a"], message: "expected number, got string" },
      { path: ["b"], message: 'has unexpected property "b"' },
    ]);
  });

  it("enum and const compare own keys: an inherited key does not make two objects equal", () => {
    // Read through the prototype, `{}.__proto__` is Object.prototype, which has no keys: "equal" to `{}`.
    const protoKey = JSON.parse('{"__proto__":{}}');
    expect(validateJsonSchema({ const: protoKey }, { other: {} })).toHaveLength(1);
    expect(validateJsonSchema({ enum: [protoKey] }, { other: {} })).toHaveLength(1);
    expect(validateJsonSchema({ const: protoKey }, JSON.parse('{"__proto__":{}}'))).toEqual([]);
    expect(validateJsonSchema({ const: { a: 1 } }, { a: 1 })).toEqual([]);
  });

  it("a $ref to an inherited name does not resolve", () => {
    // Read through the prototype, `#/__proto__` would be Object.prototype: a schema that lets anything by.
    expect(validateJsonSchema({ $ref: "#/__proto__", type: "string" }, 1)).toEqual([
      { path: [], message: "cannot resolve #/__proto__" },
      { path: [], message: "expected string, got integer" },
    ]);
  });
});

describe("validateJsonSchema is loaded on first use", () => {
  it("imports nothing: a bundler wraps what a lazily loaded module imports, in every app that bundles the SDK", () => {
    const source = readFileSync(new URL("../../src/helpers/validate-json-schema.ts", import.meta.url), "utf8");
    expect(source.match(/^\s*(import|export) (?!type )[^;]*\bfrom\b/gm)).toBeNull();
  });
});

describe("validateJsonSchema never throws a raw error", () => {
  it("a $ref loop, an invalid pattern: InvalidInputError (the schema is the caller's)", () => {
    expect(() => validateJsonSchema({ $ref: "#" }, 1)).toThrowError(InvalidInputError);
    expect(() => validateJsonSchema({ $defs: { a: { $ref: "#/$defs/a" } }, $ref: "#/$defs/a" }, 1)).toThrowError(
      /loop/,
    );
    expect(() => validateJsonSchema({ pattern: "(" }, "x")).toThrowError(InvalidInputError);
  });

  it("the same through validateWithSchema, which loads the validator on first use", async () => {
    await expect(validateWithSchema({ $ref: "#" }, 1, InvalidInputError)).rejects.toThrowError(InvalidInputError);
    const error = await validateWithSchema({ pattern: "(" }, "x", InvalidInputError).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(/not a valid regular expression/);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    expect(await validateWithSchema({ type: "string" }, 1, InvalidInputError)).toEqual({
      ok: false,
      issues: [{ path: [], message: "expected string, got integer" }],
    });
  });

  it("exclusive bounds exclude the bound itself; minimum and maximum include it", () => {
    const messages = (schema: Record<string, unknown>, value: number) =>
      validateJsonSchema(schema, value).map((i) => i.message);
    expect(messages({ exclusiveMinimum: 0 }, 0)).toEqual(["not above 0"]);
    expect(messages({ exclusiveMinimum: 0 }, -1)).toEqual(["not above 0"]);
    expect(messages({ exclusiveMinimum: 0 }, 0.001)).toEqual([]);
    expect(messages({ exclusiveMaximum: 10 }, 10)).toEqual(["not below 10"]);
    expect(messages({ exclusiveMaximum: 10 }, 9.999)).toEqual([]);
    expect(messages({ minimum: 0, maximum: 10 }, 0)).toEqual([]);
    expect(messages({ minimum: 0, maximum: 10 }, 10)).toEqual([]);
    expect(messages({ minimum: 0, maximum: 10 }, -0.5)).toEqual(["less than 0"]);
    expect(messages({ minimum: 0, maximum: 10 }, 10.5)).toEqual(["more than 10"]);
    // The draft 4 form: a flag beside the bound.
    expect(messages({ minimum: 0, exclusiveMinimum: true }, 0)).toEqual(["not above 0"]);
    expect(messages({ maximum: 10, exclusiveMaximum: true }, 10)).toEqual(["not below 10"]);
    expect(messages({ minimum: 0, exclusiveMinimum: false }, 0)).toEqual([]);
  });

  it("keywords of the wrong type are ignored", () => {
    const odd = { type: 5, required: "a", properties: 3, items: 4, enum: "x", allOf: {}, minLength: "2" };
    expect(validateJsonSchema(odd, { b: [1] })).toEqual([]);
    expect(validateJsonSchema(odd, "x")).toEqual([]);
  });

  it("a value nested past the limit is reported, not a stack overflow", () => {
    const deep = JSON.parse(`${"[".repeat(100_000)}${"]".repeat(100_000)}`);
    const tree = { $defs: { node: { type: "array", items: { $ref: "#/$defs/node" } } }, $ref: "#/$defs/node" };
    const issues = validateJsonSchema(tree, deep);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toMatch(/nested deeper than/);
  });
});
