import { type RouteEntry, routes } from "../generated/routes.ts";

/** What the call path needs to know about one spec route. */
export interface RouteFacts {
  operationId: string;
  /** The spec asks for the bearer token. */
  auth: boolean;
  /** The spec takes the `X-Friendli-Team` header. */
  team: boolean;
  /** The request body is multipart. */
  multipart: boolean;
  /** A success answer carries JSON (an empty or unparsable one is then an error). */
  jsonResult: boolean;
  /** A retry after the server may have acted is harmless (retry-policy.ts, read by codegen). */
  retrySafe: boolean;
}

// Keyed by the generated entry itself: no string is built per call.
const cache = new WeakMap<RouteEntry, RouteFacts>();

/** Facts of one generated route entry (`serverlessChatStream` from `generated/routes.ts`). */
export function factsOf(entry: RouteEntry): RouteFacts {
  let facts = cache.get(entry);
  if (facts) return facts;
  const [operationId, flags] = entry;
  facts = {
    operationId,
    auth: (flags & 1) !== 0,
    team: (flags & 2) !== 0,
    multipart: (flags & 4) !== 0,
    jsonResult: (flags & 8) !== 0,
    retrySafe: (flags & 16) !== 0,
  };
  cache.set(entry, facts);
  return facts;
}

/** Facts of the route `method specPath` (`post /serverless/v1/chat/completions#stream`), from the whole table. */
export function routeFacts(method: string, specPath: string): RouteFacts | undefined {
  const entry = routes[`${method} ${specPath}`];
  return entry && factsOf(entry);
}
