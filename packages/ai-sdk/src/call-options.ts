import type { CallOptions } from "@friendli-ts/inference";

/** What a model call learns from the HTTP response: its headers and the request id. */
export interface ResponseCapture {
  headers: Record<string, string> | undefined;
  requestId: string | undefined;
}

/**
 * The client's call options for one AI SDK call: its signal and headers, and an
 * `onResponse` that keeps the response headers for the result.
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
      Object.assign(capture, readResponse(response));
    },
  };
}

export function readResponse(response: Response | undefined): ResponseCapture {
  if (!response) return { headers: undefined, requestId: undefined };
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const requestId = response.headers.get("x-request-id") ?? response.headers.get("x-friendli-request-id") ?? undefined;
  return { headers, requestId };
}

export function newCapture(): ResponseCapture {
  return { headers: undefined, requestId: undefined };
}

/** The request id under `providerMetadata.friendli`, when the API sent one. */
export function friendliMetadata(capture: ResponseCapture): { friendli: { requestId: string | null } } {
  return { friendli: { requestId: capture.requestId ?? null } };
}
