/** A request as it left the client: before any server could have read it. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Headers;
  /** The spec operation it is for, when the recorder was given `operationOf`. */
  operationId?: string | undefined;
  /** The answer's status, once it came (undefined before, or when the request failed). */
  status?: number | undefined;
}

export interface SentRequests {
  /** Pass as the client's `fetch`: it records each request, then sends it with the real fetch. */
  fetch: typeof fetch;
  /** Every request sent so far, oldest first. */
  sent: SentRequest[];
}

/** Which spec operation a request is for (a contract test passes the client's `findOperation`). */
export type OperationOf = (method: string, url: URL, headers: Headers) => string | undefined;

/**
 * Counts requests on the client's side. A test that ends a call with a short timeout cannot
 * count on the server's log: on a busy machine the client may give up before the server has
 * read the request. What the client sent is known when the call ends.
 */
export function recordSentRequests(operationOf?: OperationOf): SentRequests {
  const sent: SentRequest[] = [];
  const recording: typeof fetch = async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const entry: SentRequest = {
      method: init?.method ?? request?.method ?? "GET",
      url: request?.url ?? String(input),
      headers: new Headers(init?.headers ?? request?.headers),
    };
    if (operationOf) entry.operationId = operationOf(entry.method, new URL(entry.url), entry.headers);
    sent.push(entry);
    const response = await fetch(input, init);
    entry.status = response.status;
    return response;
  };
  return { fetch: recording, sent };
}
