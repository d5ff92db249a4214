import type { components } from "@friendli-ts/client";
import type { EagerHelpers } from "./eager-helpers.ts";
import type { JsonSchema, StandardSchemaLike } from "./output-schema.ts";
import { toJsonSchema, validateWithSchema } from "./schema-checks.ts";

type ResponseFormatJsonSchema = components["schemas"]["ResponseFormatJsonSchema"];

/** A chat result with the first choice's content parsed and validated. */
export type Parsed<Result, Output> = Result & { parsed: Output };

/** The `response_format` that asks the model for JSON matching `schema`. */
export function jsonSchemaResponseFormat(
  schema: StandardSchemaLike | JsonSchema,
  Invalid: EagerHelpers["InvalidInputError"],
): ResponseFormatJsonSchema {
  return { type: "json_schema", json_schema: { schema: toJsonSchema(schema, "response_format", Invalid) } };
}

interface ChoiceLike {
  message?: { content?: string | null } | null;
  finish_reason?: string | null;
}

/**
 * Parses and validates the first choice's content. Throws StructuredOutputError when it is
 * missing, cut short, not JSON, or does not match the schema.
 */
export async function parseChatOutput<Output>(
  result: { choices: ChoiceLike[] },
  schema: StandardSchemaLike<Output> | JsonSchema,
  { StructuredOutputError, parseModelJson, InvalidInputError }: EagerHelpers,
): Promise<Output> {
  const choice = result.choices[0];
  const content = choice?.message?.content ?? null;
  if (content === null || content === "") {
    throw new StructuredOutputError("the model returned no content to parse", content);
  }
  if (choice?.finish_reason === "length") {
    throw new StructuredOutputError("the output was cut at the token limit before the JSON was complete", content);
  }
  let value: unknown;
  try {
    value = parseModelJson(content);
  } catch (cause) {
    throw new StructuredOutputError("the model's output is not valid JSON", content, [], { cause });
  }
  const checked = await validateWithSchema(schema, value, InvalidInputError);
  if (!checked.ok)
    throw new StructuredOutputError("the model's output does not match the schema", content, checked.issues);
  return checked.value;
}

/**
 * Sends a chat request that asks for JSON matching `schema`, then returns the result with
 * `parsed`: the validated object, typed from a zod schema (or as the type you name).
 */
export async function parseChatCompletion<Body extends object, Result extends { choices: ChoiceLike[] }, Output>(
  complete: (body: Body) => Promise<Result>,
  body: Body,
  schema: StandardSchemaLike<Output> | JsonSchema,
  eager: EagerHelpers,
): Promise<Parsed<Result, Output>> {
  const result = await complete({
    ...body,
    response_format: jsonSchemaResponseFormat(schema, eager.InvalidInputError),
  });
  // The error quotes the model's output: server text, redacted with the call's secret.
  const parsed = await parseChatOutput(result, schema, eager).catch((error: unknown) => {
    throw eager.redactError(error, eager.secretOf(result));
  });
  return { ...result, parsed };
}
