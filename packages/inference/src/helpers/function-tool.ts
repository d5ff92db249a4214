import type { JsonSchema, SchemaOutput, StandardSchemaLike } from "./output-schema.ts";

export interface ToolRunContext {
  /** The id the model gave this call. */
  toolCallId: string;
  /** Fires when the whole tool loop is aborted. */
  signal: AbortSignal | undefined;
}

/** A function the model may call: its name, its arguments' schema, and what running it does. */
export interface FunctionTool<Args = unknown, Result = unknown> {
  name: string;
  description?: string;
  /** The arguments as a zod schema (typed and validated) or a JSON Schema (validated). */
  parameters: StandardSchemaLike<Args> | JsonSchema;
  /** Runs the call; a string goes back to the model as is, anything else as JSON. */
  run(args: Args, context: ToolRunContext): Result | Promise<Result>;
}

/**
 * Declares a tool with its argument type inferred from a zod schema. With a JSON Schema the
 * arguments are `unknown` unless `run` annotates them (`run: ({ city }: { city: string }) => ...`);
 * they are validated against the schema before `run` either way.
 */
export function functionTool<Schema extends StandardSchemaLike | JsonSchema, Result>(tool: {
  name: string;
  description?: string;
  parameters: Schema;
  run(args: SchemaOutput<Schema>, context: ToolRunContext): Result | Promise<Result>;
}): FunctionTool<SchemaOutput<Schema>, Result> {
  return tool as FunctionTool<SchemaOutput<Schema>, Result>;
}
