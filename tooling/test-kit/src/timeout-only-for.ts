/** Which requests a short timeout may end: those the test leaves without an answer. */
export type TimedRequestRule = (method: string, url: URL) => boolean;

/**
 * Wraps a fetch so that only requests matching `rule` get the client's abort signal. A test of
 * "the call's timeout reaches its last request" then holds on a busy machine: the requests the
 * server answers cannot be ended by the short timeout however slow they are, and the one the
 * server holds can only be ended by it.
 */
export function timeoutOnlyFor(inner: typeof fetch, rule: TimedRequestRule): typeof fetch {
  return (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const method = init?.method ?? request?.method ?? "GET";
    const url = new URL(request?.url ?? String(input));
    if (rule(method, url)) return inner(input, init);
    const { signal: _dropped, ...rest } = init ?? {};
    return inner(input, rest);
  };
}
