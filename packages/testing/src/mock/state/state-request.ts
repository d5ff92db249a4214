// What the state engine reads of a request and what it answers: plain data, no node:http, so
// the same engine can serve behind the proxy or inside a `fetch` function.

/** A request as the state engine sees it, after the spec has routed it and checked it. */
export interface StateRequest {
  /** Path without the query string, e.g. `/dedicated/beta/endpoint/mock-endpoint-1/status`. */
  path: string;
  /** The query string with its `?`, or "". */
  search: string;
  /** Header names in lower case. */
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

/** An answer from the state: a status, a JSON body (validated against the spec by the caller), headers. */
export interface StateAnswer {
  status: number;
  json: unknown;
  headers?: Record<string, string>;
}

/** The request's JSON body, or undefined when it has none or it is not JSON. */
export function jsonBody(request: StateRequest): unknown {
  if (request.body.length === 0) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(request.body));
  } catch {
    return undefined;
  }
}

/** One query parameter (the first when repeated), or undefined. */
export function queryParam(request: StateRequest, name: string): string | undefined {
  return new URLSearchParams(request.search).get(name) ?? undefined;
}

/** One header's value (the first when repeated), or undefined. */
export function headerValue(request: StateRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
