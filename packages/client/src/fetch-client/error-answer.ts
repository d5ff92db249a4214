import type { APIError } from "../errors/api-error.ts";
import { responseOfBody } from "../transport/read-body-capped.ts";

const errors = new WeakMap<Response, APIError>();

/**
 * The answer openapi-fetch reads as `{ error, response }`, rebuilt from the typed error the
 * transport threw after its retries: the error's body (capped and with the token removed)
 * and headers, and the error itself kept for `friendliErrorOf`.
 */
export function errorAnswer(error: APIError): Response {
  const { body } = error;
  const text = body === null || body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body);
  const response = responseOfBody(text, error);
  errors.set(response, error);
  return response;
}

/**
 * The typed error (`RateLimitError`, `NotFoundError`, ... with `status`, `requestId`, `body`)
 * behind an error answer of a `createFriendliFetchClient` client; undefined for any other
 * response, a success, or one a middleware of your own replaced.
 */
export function friendliErrorOf(response: Response): APIError | undefined {
  return errors.get(response);
}
