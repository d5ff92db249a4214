// Apart from output-schema.ts, which the package's entry exports from: the JSON Schema
// validator comes in only with what validates (parse, runTools), which load on first use.
import { isStandardSchema, type OutputSchema } from "./output-schema.ts";
import { type SchemaIssue, validateJsonSchema } from "./validate-json-schema.ts";

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
