import createClient, { type Client } from "openapi-fetch";
import { callCoreFromOptions } from "../client/call-core.ts";
import type { paths } from "../generated/schema.ts";
import type { ClientOptions } from "../transport/client-options.ts";
import { requestFactory } from "./keeping-request-class.ts";
import { transportFetch } from "./transport-fetch.ts";

export { friendliErrorOf } from "./error-answer.ts";

/**
 * openapi-fetch's own client of the Friendli spec, typed for JSON answers (a stream is read
 * with `parseAs: "stream"`).
 */
export type FriendliFetchClient = Client<paths, "application/json">;

/**
 * An openapi-fetch client (`GET`, `POST`, ... resolving to `{ data, error, response }`,
 * `use()` for its middleware) whose requests go through the SDK's transport: the same
 * options as `createFriendliClient`, the token and team header only where the spec asks,
 * retries, timeouts, aborts, redaction. Hand it to openapi-react-query or swr-openapi.
 */
export function createFriendliFetchClient(options: ClientOptions = {}): FriendliFetchClient {
  const core = callCoreFromOptions(options);
  // Whether code of the caller's may see the Request being built: for good once `use()` was
  // called, else for a call given its own middleware or fetch (openapi-fetch builds the
  // Request before its first await, so the flag set around the call is the one it reads).
  let used = false;
  let callerSees = false;
  const client = createClient<paths, "application/json">({
    baseUrl: core.options.baseURL,
    Request: requestFactory(() => callerSees),
    fetch: transportFetch(core),
  });
  const methods = client as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name in methods) {
    const method = methods[name] as (...args: unknown[]) => unknown;
    methods[name] = (...args) => {
      const init = args.at(-1) as { middleware?: unknown[]; fetch?: unknown } | undefined;
      used ||= name === "use";
      callerSees = used || !!(init?.middleware?.length || init?.fetch);
      try {
        return method(...args);
      } finally {
        callerSees = false;
      }
    };
  }
  return client;
}
