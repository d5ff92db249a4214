import { TypeValidationError } from "@ai-sdk/provider";
import { redactError } from "@friendli-ts/client/internal";
import type { z } from "zod";
import { redactedCopy, TOO_DEEP } from "./redacted-copy.ts";

/**
 * `value` as `shape` describes it, or the AI SDK's TypeValidationError naming `what` was
 * wrong. Returns the value itself: the check reads the fields a model walks, and the
 * model reads them from the value as it came.
 */
export function checkAnswer<Shape extends z.ZodType>(
  shape: Shape,
  value: unknown,
  what: string,
  secret: string | null,
): z.infer<Shape> {
  const checked = shape.safeParse(value);
  if (checked.success) return value as z.infer<Shape>;
  throw wrongShape(value, checked.error, what, secret);
}

/**
 * The AI SDK's TypeValidationError for an answer of the wrong shape. It quotes the answer
 * (server text): a copy redacted with the call's secret, or a note where the answer is
 * nested too deeply to be written out.
 */
export function wrongShape(value: unknown, cause: unknown, what: string, secret: string | null): TypeValidationError {
  const context = { field: what };
  try {
    return redactError(new TypeValidationError({ value: redactedCopy(value, secret), cause, context }), secret);
  } catch {
    return redactError(new TypeValidationError({ value: TOO_DEEP, cause, context }), secret);
  }
}
