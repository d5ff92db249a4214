import createClient, { type Client } from "openapi-fetch";
import { callCoreFromOptions } from "../client/call-core.ts";
import type { paths } from "../generated/schema.ts";
import type { ClientOptions } from "../transport/client-options.ts";
import { keepingRequestClass } from "./keeping-request-class.ts";
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
  return createClient<paths, "application/json">({
    baseUrl: core.options.baseURL,
    Request: keepingRequestClass(),
    fetch: transportFetch(core),
  });
}
