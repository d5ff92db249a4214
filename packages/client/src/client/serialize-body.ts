import { InvalidInputError } from "../errors/friendli-error.ts";
import { toFormData } from "./to-form-data.ts";

/** A serializer of request bodies; a value JSON cannot carry throws from it. */
export type BodySerializer = (body: unknown) => string | FormData;

/**
 * The request body as it goes on the wire: JSON text, or multipart form data. A value JSON
 * cannot carry (a BigInt, a cycle) is an InvalidInputError before any request.
 */
export function serializeBody(body: unknown, multipart: boolean): string | FormData | undefined {
  return serializeWith(body, (value) =>
    multipart || value instanceof FormData ? toFormData(value) : JSON.stringify(value),
  );
}

/** The same for a route that takes JSON only (a FormData still passes as is): no multipart code in a bundle. */
export const serializeJson: BodySerializer = (body) => (body instanceof FormData ? body : JSON.stringify(body));

/** `serialize(body)`, with JSON's failures as InvalidInputError. */
export function serializeWith(body: unknown, serialize: BodySerializer): string | FormData | undefined {
  if (body === undefined) return undefined;
  try {
    return serialize(body);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new InvalidInputError(`the request body cannot be sent as JSON: ${reason}`, { cause });
  }
}
