import { TypeValidationError } from "@ai-sdk/provider";
import { redactError } from "@friendli-ts/client/internal";
import type { z } from "zod";

/**
 * `value` as `shape` describes it, or the AI SDK's TypeValidationError naming `what` was
 * wrong. The error quotes the value (server text), so it leaves redacted with the call's secret.
 */
export function checkAnswer<Shape extends z.ZodType>(
  shape: Shape,
  value: unknown,
  what: string,
  secret: string | null,
): z.infer<Shape> {
  const checked = shape.safeParse(value);
  if (checked.success) return value as z.infer<Shape>;
  throw redactError(new TypeValidationError({ value, cause: checked.error, context: { field: what } }), secret);
}
