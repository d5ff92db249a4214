import { describe, expect, it } from "vitest";
import { validateJsonSchema } from "./validate-json-schema.ts";

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
