import { InvalidInputError } from "@friendli-ts/client";
import { type SchemaIssue, validateJsonSchema } from "./validate-json-schema.ts";

/** A JSON Schema as a plain object. */
export type JsonSchema = { [key: string]: unknown };

/**
 * The Standard Schema interface that zod (3.24+ and 4), valibot and arktype implement;
 * matched by shape, so zod stays an optional peer and is never imported.
 */
export interface StandardSchemaLike<Output = unknown> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
    readonly types?: { readonly input: unknown; readonly output: Output } | undefined;
    /** Standard JSON Schema, which zod 4 provides. */
    readonly jsonSchema?: { output(options: { target: string }): Record<string, unknown> };
  };
}

export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | {
      readonly issues: ReadonlyArray<{
        readonly message: string;
        readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
      }>;
    };

/** A schema for a model's output or a tool's arguments: a zod (or other Standard) schema, or JSON Schema. */
export type OutputSchema<Output = unknown> = StandardSchemaLike<Output> | JsonSchema;

/** The validated type a schema gives: inferred from zod, `unknown` for JSON Schema unless named. */
export type SchemaOutput<S> = S extends StandardSchemaLike<infer Output> ? Output : unknown;

export function isStandardSchema(schema: unknown): schema is StandardSchemaLike {
  const standard = (schema as { "~standard"?: { validate?: unknown } } | null)?.["~standard"];
  return typeof standard === "object" && standard !== null && typeof standard.validate === "function";
}

/** The JSON Schema to send the model; zod schemas are converted by zod itself. */
export function toJsonSchema(schema: OutputSchema, what: string): JsonSchema {
  if (!isStandardSchema(schema)) {
    if (typeof schema !== "object" || schema === null || Array.isArray(schema)) {
      throw new InvalidInputError(`${what}: the schema must be a JSON Schema object or a zod schema`);
    }
    return schema;
  }
  const standard = schema["~standard"];
  const withMethod = schema as { toJSONSchema?: () => JsonSchema };
  const converted =
    standard.jsonSchema?.output({ target: "draft-2020-12" }) ??
    (typeof withMethod.toJSONSchema === "function" ? withMethod.toJSONSchema() : undefined);
  if (!converted) {
    throw new InvalidInputError(
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
): Promise<{ ok: true; value: Output } | { ok: false; issues: SchemaIssue[] }> {
  if (!isStandardSchema(schema)) {
    const issues = validateJsonSchema(schema, value);
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

/**
 * Pairs a Standard schema that cannot give JSON Schema itself (zod 3, valibot, ...) with the
 * JSON Schema to send the model; validation still goes through the schema.
 */
export function withJsonSchema<Output>(
  schema: StandardSchemaLike<Output>,
  jsonSchema: JsonSchema,
): StandardSchemaLike<Output> {
  return {
    "~standard": { ...schema["~standard"], jsonSchema: { output: () => jsonSchema } },
  };
}
