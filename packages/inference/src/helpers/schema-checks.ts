import type { InvalidInputError } from "@friendli-ts/client";
import type { JsonSchema, OutputSchema, StandardSchemaLike } from "./output-schema.ts";
import type { SchemaIssue } from "./validate-json-schema.ts";

// What parse and runTools do with a schema. Apart from output-schema.ts (the public types and
// withJsonSchema), so that only those helpers, loaded on first use, load this.

export function isStandardSchema(schema: unknown): schema is StandardSchemaLike {
  const standard = (schema as { "~standard"?: { validate?: unknown } } | null)?.["~standard"];
  return typeof standard === "object" && standard !== null && typeof standard.validate === "function";
}

/** The JSON Schema to send the model; zod schemas are converted by zod itself. */
export function toJsonSchema(schema: OutputSchema, what: string, Invalid: typeof InvalidInputError): JsonSchema {
  if (!isStandardSchema(schema)) {
    if (typeof schema !== "object" || schema === null || Array.isArray(schema)) {
      throw new Invalid(`${what}: the schema must be a JSON Schema object or a zod schema`);
    }
    return schema;
  }
  const standard = schema["~standard"];
  const withMethod = schema as { toJSONSchema?: () => JsonSchema };
  const converted =
    standard.jsonSchema?.output({ target: "draft-2020-12" }) ??
    (typeof withMethod.toJSONSchema === "function" ? withMethod.toJSONSchema() : undefined);
  if (!converted) {
    throw new Invalid(
      `${what}: this ${standard.vendor} schema cannot give its JSON Schema (zod 4 can); wrap it with withJsonSchema(schema, jsonSchema) or pass a JSON Schema`,
    );
  }
  // The meta-schema URL is noise to the model's grammar compiler.
  const { $schema: _ignored, ...rest } = converted;
  return rest;
}

/** Validates a parsed value; returns the (possibly transformed) value or the issues. */
export async function validateWithSchema<Output>(
  schema: OutputSchema<Output>,
  value: unknown,
  Invalid: typeof InvalidInputError,
): Promise<{ ok: true; value: Output } | { ok: false; issues: SchemaIssue[] }> {
  if (!isStandardSchema(schema)) {
    // Loaded on first use: an app that never checks a value against a JSON Schema (most
    // apps: only `chat.parse` and `runTools` do) does not carry the validator.
    const { validateJsonSchema } = await import("./validate-json-schema.ts");
    const issues = validateJsonSchema(
      schema,
      value,
      (message, cause) => new Invalid(message, cause === undefined ? undefined : { cause }),
    );
    return issues.length ? { ok: false, issues } : { ok: true, value: value as Output };
  }
  const result = await schema["~standard"].validate(value);
  if (!result.issues) return { ok: true, value: result.value as Output };
  return {
    ok: false,
    issues: result.issues.map((issue) => ({
      message: issue.message,
      path: (issue.path ?? []).map((p) => {
        const key = typeof p === "object" ? p.key : p;
        return typeof key === "number" ? key : String(key);
      }),
    })),
  };
}
