import { type CallOptions, resolveCall } from "../client/call-options.ts";
import { internalsOf } from "../client/client-internals.ts";
import type { FriendliClient } from "../client/create-friendli-client.ts";
import { checkLimit } from "./client-options.ts";

export interface PlainRequest extends Omit<CallOptions, "teamId"> {
  method?: string;
  body?: string | FormData | Blob | ArrayBuffer | Uint8Array<ArrayBuffer> | null;
  /** Whether a retry after the server may have acted is harmless. Default: true for GET. */
  retrySafe?: boolean;
  /** Bytes the answer may have; more is a ResponseTooLargeError. Default: the client's `maxResponseBytes`. */
  maxBytes?: number;
}

/**
 * A request to storage or a media host through the client's transport (its fetch, timeout,
 * retries, backoff and error classes), with nothing of the API's: no token, no team header,
 * no default headers. For presigned upload URLs and downloads from third-party hosts. The
 * body is read within the timeout; the Response handed back holds it in memory.
 */
export async function plainFetch(client: FriendliClient, url: string, request: PlainRequest = {}): Promise<Response> {
  const { options, transport } = internalsOf(client);
  const { method = "GET", body, retrySafe, maxBytes, ...callOptions } = request;
  const call = resolveCall(options, callOptions);
  const sent = await transport(
    {
      method,
      url,
      headers: call.headers,
      body,
      plain: true,
      retrySafe: retrySafe ?? method === "GET",
      ...(maxBytes === undefined ? {} : { maxBytes: checkLimit("maxBytes", maxBytes) }),
    },
    call,
  );
  sent.release();
  call.onResponse?.(sent.response);
  return sent.response;
}
