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
