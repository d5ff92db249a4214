import { InvalidInputError } from "@friendli-ts/client";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { z as z3 } from "zod/v3";
import { withJsonSchema } from "../../src/helpers/output-schema.ts";
import {
  isStandardSchema,
  toJsonSchema as toJsonSchemaWith,
  validateWithSchema as validateWith,
} from "../../src/helpers/schema-checks.ts";

// The checks take the error class for a bad schema (they import nothing the entry loads).
const toJsonSchema = (schema: Parameters<typeof toJsonSchemaWith>[0], what: string) =>
  toJsonSchemaWith(schema, what, InvalidInputError);
const validateWithSchema = <Output>(schema: Parameters<typeof validateWith<Output>>[0], value: unknown) =>
  validateWith(schema, value, InvalidInputError);

const Weather = z.object({ city: z.string(), celsius: z.number() });

describe("output schemas", () => {
  it("recognises a zod schema by its shape and converts it with zod", () => {
    expect(isStandardSchema(Weather)).toBe(true);
    expect(isStandardSchema({ type: "object" })).toBe(false);
    expect(toJsonSchema(Weather, "test")).toEqual({
      type: "object",
      properties: { city: { type: "string" }, celsius: { type: "number" } },
      required: ["city", "celsius"],
      additionalProperties: false,
    });
  });

  it("passes a JSON Schema through and rejects anything else before the network", () => {
    const schema = { type: "object", properties: {} };
    expect(toJsonSchema(schema, "test")).toBe(schema);
    expect(() => toJsonSchema("object" as never, "test")).toThrow(InvalidInputError);
  });

  it("a Standard schema that cannot give JSON Schema is a clear input error", () => {
    const opaque = {
      "~standard": { version: 1 as const, vendor: "custom", validate: (value: unknown) => ({ value }) },
    };
    expect(() => toJsonSchema(opaque, "test")).toThrow(/cannot give its JSON Schema.*withJsonSchema/);
  });

  it("withJsonSchema lends such a schema the JSON Schema to send, validating with the schema itself", async () => {
    const opaque = {
      "~standard": {
        version: 1 as const,
        vendor: "custom",
        validate: (value: unknown) =>
          typeof value === "string" ? { value: value.toUpperCase() } : { issues: [{ message: "not a string" }] },
      },
    };
    const paired = withJsonSchema(opaque, { type: "string" });
    expect(toJsonSchema(paired, "test")).toEqual({ type: "string" });
    expect(await validateWithSchema(paired, "ok")).toEqual({ ok: true, value: "OK" });
    expect(await validateWithSchema(paired, 1)).toEqual({ ok: false, issues: [{ message: "not a string", path: [] }] });
  });

  it("a zod 3 schema asks for withJsonSchema, then validates through zod 3", async () => {
    const Legacy = z3.object({ city: z3.string() });
    expect(() => toJsonSchema(Legacy, "chat.parse")).toThrow(/zod schema cannot give its JSON Schema/);
    const paired = withJsonSchema(Legacy, { type: "object", properties: { city: { type: "string" } } });
    expect(toJsonSchema(paired, "chat.parse")).toEqual({ type: "object", properties: { city: { type: "string" } } });
    expect(await validateWithSchema(paired, { city: 1 })).toMatchObject({ ok: false, issues: [{ path: ["city"] }] });
  });

  it("validates with zod (keeping its transforms) or with the JSON Schema checker", async () => {
    const Trimmed = z.object({ name: z.string().transform((s) => s.trim()) });
    expect(await validateWithSchema(Trimmed, { name: "  Ada " })).toEqual({ ok: true, value: { name: "Ada" } });
    const bad = await validateWithSchema(Weather, { city: "Oslo", celsius: "cold" });
    expect(bad).toMatchObject({ ok: false, issues: [{ path: ["celsius"] }] });
    const plain = await validateWithSchema({ type: "integer" }, 1.5);
    expect(plain).toEqual({ ok: false, issues: [{ path: [], message: "expected integer, got number" }] });
  });
});
