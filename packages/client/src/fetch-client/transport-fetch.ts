import type { CallCore } from "../client/call-core.ts";
import { makeRequest } from "../client/make-request.ts";
import { responseReadByCaller } from "../client/releasing-body.ts";
import { APIError } from "../errors/api-error.ts";
import { findOperation } from "../operations/find-operation.ts";
import type { Route } from "../operations/route.ts";
import type { OutgoingRequest } from "../transport/create-transport.ts";
import { responseOfText } from "../transport/response-of-text.ts";
import { errorAnswer } from "./error-answer.ts";
import { keptParts } from "./keeping-request-class.ts";

type SendableBody = OutgoingRequest["body"];

/**
 * openapi-fetch's `fetch` for a client core: each Request openapi-fetch built goes through
 * the SDK's one door (`makeRequest`, with the spec route the URL is of: token and team where
 * it asks, retries, timeout, the caller's signal, middleware, redaction). A success comes
 * back as a Response with its body; an error status, after the retries, as a Response of the
 * error's body, its typed error kept for `friendliErrorOf`; a connection failure, timeout or
 * abort rejects with the SDK's error.
 */
export function transportFetch(core: CallCore): (request: Request) => Promise<Response> {
  const { baseURL } = core.options;
  const apiPrefix = `${baseURL}/`;

  return async function fetchThroughTheDoor(request) {
    const kept = keptParts(request);
    const signal = kept ? kept.signal : request.signal;
    const { method } = request;
    const hash = request.url.indexOf("#");
    const url = hash < 0 ? request.url : request.url.slice(0, hash);
    // Lower-case names, as the door expects.
    const headers = Object.fromEntries(request.headers);
    const body = await sendableBody(request, kept);
    // A form is sent as itself: fetch writes its own boundary into the content type.
    if (body instanceof FormData) delete headers["content-type"];
    const stream = (hash >= 0 && request.url.slice(hash) === "#stream") || asksForStream(headers, body);
    headers.accept ??= stream ? "text/event-stream" : "application/json";
    // A URL call with its route (token, team, retries as its flags say): the adapter hands
    // back raw answers, stream ones too, so it passes no stream opener.
    const route = url.startsWith(apiPrefix) ? routeOf(method, url.slice(baseURL.length), stream) : undefined;
    try {
      const handOver = stream ? responseReadByCaller : undefined;
      return await makeRequest(core, { url, method, body, route, handOver, responseOfText }, { signal, headers });
    } catch (error) {
      // An error status is openapi-fetch's `{ error, response }`; a Response holds 200 to 599 only.
      if (error instanceof APIError && error.status >= 400 && error.status <= 599) return errorAnswer(error);
      throw error;
    }
  };
}

/**
 * The route of `method path` (path after the base URL, query included): its stream
 * variant (`...#stream`) for a stream request to an operation that has one.
 */
function routeOf(method: string, pathAndQuery: string, stream: boolean): Route | undefined {
  const query = pathAndQuery.indexOf("?");
  return findOperation(method, query < 0 ? pathAndQuery : pathAndQuery.slice(0, query), stream);
}

/** The body to send, and again on a retry: the one the request was built from, else its bytes. */
async function sendableBody(request: Request, kept: ReturnType<typeof keptParts>): Promise<SendableBody> {
  const body = kept?.body;
  if (
    typeof body === "string" ||
    body instanceof FormData ||
    body instanceof Blob ||
    body instanceof ArrayBuffer ||
    body instanceof Uint8Array
  ) {
    return body as SendableBody;
  }
  if (body instanceof URLSearchParams) return body.toString();
  return request.body ? request.arrayBuffer() : undefined;
}

/** A request for an event stream: it says so in Accept, or its body has `stream: true`. */
function asksForStream(headers: Record<string, string>, body: SendableBody): boolean {
  if (headers.accept?.includes("text/event-stream")) return true;
  if (body instanceof FormData) return body.get("stream") === "true";
  if (typeof body !== "string" || !body.includes('"stream"')) return false;
  try {
    return (JSON.parse(body) as { stream?: unknown } | null)?.stream === true;
  } catch {
    return false;
  }
}
