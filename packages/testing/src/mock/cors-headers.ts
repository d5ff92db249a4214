import type { IncomingHttpHeaders, IncomingMessage } from "node:http";

/** Which web pages may read the mock server's answers. */
export interface CorsOptions {
  /** The page origins allowed, e.g. `"http://localhost:5173"`, or `"*"` for any (then never with credentials). */
  origin: string | string[];
  /** Also allow the page's cookies and auth (`Access-Control-Allow-Credentials`); needs named origins. */
  credentials?: boolean;
}

/** A browser asking whether it may send a request (CORS preflight). */
export const isPreflight = (req: IncomingMessage) =>
  req.method === "OPTIONS" &&
  req.headers.origin !== undefined &&
  req.headers["access-control-request-method"] !== undefined;

/** Drops the CORS headers an upstream answer carries, so only `corsHeaders` decides. */
export function withoutCors(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith("access-control-")));
}

/**
 * The CORS headers for a request from `origin`: none unless `cors` allows that origin, so by
 * default no web page can read the mock, and credentials only when asked for by name.
 */
export function corsHeaders(cors: CorsOptions | undefined, headers: IncomingHttpHeaders): Record<string, string> {
  const origin = headers.origin;
  if (!cors || origin === undefined) return {};
  const allowed = Array.isArray(cors.origin) ? cors.origin : [cors.origin];
  const any = allowed.includes("*");
  if (!any && !allowed.includes(origin)) return {};
  const credentials = cors.credentials === true && !any;
  return {
    "access-control-allow-origin": any ? "*" : origin,
    "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
    // Whatever headers the page asks to send (clients add their own, e.g. `x-stainless-*`).
    "access-control-allow-headers": String(headers["access-control-request-headers"] ?? "authorization, content-type"),
    // `location` names an endpoint the mock created (createAndWait reads it).
    "access-control-expose-headers": "x-request-id, sl-violations, location",
    ...(!any && { vary: "Origin" }),
    ...(credentials && { "access-control-allow-credentials": "true" }),
  };
}
