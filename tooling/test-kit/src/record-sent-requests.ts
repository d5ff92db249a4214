/** A request as it left the client: before any server could have read it. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Headers;
}

export interface SentRequests {
  /** Pass as the client's `fetch`: it records each request, then sends it with the real fetch. */
  fetch: typeof fetch;
  /** Every request sent so far, oldest first. */
  sent: SentRequest[];
}

/**
 * Counts requests on the client's side. A test that ends a call with a short timeout cannot
 * count on the server's log: on a busy machine the client may give up before the server has
 * read the request. What the client sent is known when the call ends.
 */
export function recordSentRequests(): SentRequests {
  const sent: SentRequest[] = [];
  const recording: typeof fetch = (input, init) => {
    const request = input instanceof Request ? input : undefined;
    sent.push({
      method: init?.method ?? request?.method ?? "GET",
      url: request?.url ?? String(input),
      headers: new Headers(init?.headers ?? request?.headers),
    });
    return fetch(input, init);
  };
  return { fetch: recording, sent };
}
