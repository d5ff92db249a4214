import { hasFlag, type Route } from "../operations/route.ts";
import { checkHeaders } from "../transport/check-header-value.ts";
import type { OutgoingRequest } from "../transport/send-request.ts";
import { appendQuery } from "./append-query.ts";
import { fillPathTemplate } from "./fill-path-template.ts";
import { serializeBody } from "./serialize-body.ts";

/** A spec operation's own inputs: its parameters (path, query, header) and its body. */
export interface OperationParams {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
}

/** The spec key without its `#stream` fragment. */
export function pathOfSpecKey(specPath: string): string {
  const hash = specPath.indexOf("#");
  return hash < 0 ? specPath : specPath.slice(0, hash);
}

/**
 * The request of one call of `route`: path parameters checked and filled, query appended,
 * the spec's header parameters and the call's headers merged, the body serialized (JSON or
 * multipart, as the route takes; `stream: true` added for a stream route). A bad parameter
 * or a body JSON cannot carry throws an InvalidInputError here, before the network.
 */
export function operationRequest(
  baseURL: string,
  route: Route,
  params: OperationParams | undefined,
  body: unknown,
  callHeaders: Record<string, string>,
): OutgoingRequest {
  const stream = route.stream !== undefined;
  const path = appendQuery(fillPathTemplate(pathOfSpecKey(route.path), params?.path), params?.query);
  // Lower-cased and checked like every other header; nulls left out. `callHeaders` is this call's own copy.
  const headers = params?.header
    ? Object.assign(callHeaders, checkHeaders(params.header as Record<string, string>, "params.header"))
    : callHeaders;
  const streamed = stream && !(body instanceof FormData) ? { ...(body as object), stream: true } : body;
  const serialized = serializeBody(streamed, hasFlag(route, "multipart"));
  if (serialized instanceof FormData && stream) serialized.set("stream", "true");
  if (typeof serialized === "string") headers["content-type"] ??= "application/json";
  if (stream) headers.accept = "text/event-stream";
  else headers.accept ??= "application/json";
  return { method: route.method.toUpperCase(), url: baseURL + path, headers, body: serialized, route, stream };
}
