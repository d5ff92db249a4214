import { InvalidResponseError } from "../errors/invalid-response-error.ts";
import { hasFlag, type Route } from "../operations/route.ts";
import type { SentResponse } from "../transport/create-transport.ts";
import { redactError } from "../transport/redact.ts";

/**
 * The parsed JSON of a success answer. Where the spec promises JSON, an empty or
 * unparsable body is an InvalidResponseError rather than `undefined` or a SyntaxError.
 */
export function readJsonResult(sent: SentResponse, route: Route, method: string, path: string): unknown {
  const { response, text, secret } = sent;
  const expected = hasFlag(route, "jsonResult");
  // A 204 or 205 has no body. Where JSON is promised that is no answer, except for a delete,
  // which has nothing left to describe.
  if (text === undefined && (!expected || method === "DELETE")) return undefined;
  if (text) {
    try {
      return JSON.parse(text);
    } catch (cause) {
      if (!expected && !response.headers.get("content-type")?.includes("json")) return text;
      throw redactError(
        new InvalidResponseError(
          `${label(method, path)} answered ${response.status} with a body that is not JSON: ${text.slice(0, 80)}`,
          { status: response.status, headers: response.headers, body: text },
          { cause },
        ),
        secret,
      );
    }
  }
  if (!expected) return undefined;
  throw redactError(
    new InvalidResponseError(
      `${label(method, path)} answered ${response.status} with an empty body where JSON was expected`,
      { status: response.status, headers: response.headers, body: text ?? "" },
    ),
    secret,
  );
}

const label = (method: string, path: string) => `${method} ${path.split("?")[0]}`;
