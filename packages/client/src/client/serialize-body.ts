import { InvalidInputError } from "../errors/friendli-error.ts";
import { toFormData } from "./to-form-data.ts";

/**
 * The request body as it goes on the wire: JSON text, or multipart form data. A value JSON
 * cannot carry (a BigInt, a cycle) is an InvalidInputError before any request.
 */
export function serializeBody(body: unknown, multipart: boolean): string | FormData | undefined {
  if (body === undefined) return undefined;
  try {
    return multipart || body instanceof FormData ? toFormData(body) : JSON.stringify(body);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new InvalidInputError(`the request body cannot be sent as JSON: ${reason}`, { cause });
  }
}
