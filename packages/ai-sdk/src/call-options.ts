import { redact } from "@friendli-ts/client/internal";
import type { CallOptions } from "@friendli-ts/inference";
import { headersRecord } from "./headers-record.ts";

/** The HTTP response of a model call, once the client has it. */
export interface ResponseCapture {
  response: Response | undefined;
}

export function newCapture(): ResponseCapture {
  return { response: undefined };
}

/**
 * The client's call options for one AI SDK call: its signal and headers, and an
 * `onResponse` that keeps the response for the result's headers and request id.
 */
export function callOptions(
  options: { abortSignal?: AbortSignal | undefined; headers?: Record<string, string | undefined> | undefined },
  capture: ResponseCapture,
): CallOptions {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) if (value !== undefined) headers[name] = value;
  return {
    signal: options.abortSignal,
    headers,
    onResponse: (response) => {
      capture.response = response;
    },
  };
}

/** What a result tells of its response: the headers, and the request id under `providerMetadata.friendli`. */
export interface ResponseDetails {
  headers: Record<string, string> | undefined;
  providerMetadata: { friendli: { requestId: string | null } };
}

/**
 * The headers and request id of a response as the user gets them: server text, redacted
 * with the call's secret like everything an error carries.
 */
export function responseDetails(response: Response | undefined, secret: string | null): ResponseDetails {
  const requestId = response?.headers.get("x-request-id") ?? response?.headers.get("x-friendli-request-id") ?? null;
  return {
    headers: headersRecord(response?.headers, secret),
    providerMetadata: { friendli: { requestId: requestId === null ? null : redact(requestId, secret) } },
  };
}
