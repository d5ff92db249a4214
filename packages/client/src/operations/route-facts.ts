import { routes } from "../generated/routes.ts";
import { isRetrySafe } from "./retry-policy.ts";

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
  /** A retry after the server may have acted is harmless (see retry-policy.ts). */
  retrySafe: boolean;
}

const cache = new Map<string, RouteFacts>();

/** Facts of the route `method specPath` (`post /serverless/v1/chat/completions#stream`). */
export function routeFacts(method: string, specPath: string): RouteFacts | undefined {
  const key = `${method} ${specPath}`;
  let facts = cache.get(key);
  if (facts) return facts;
  const entry = routes[key];
  if (!entry) return undefined;
  const [operationId, flags] = entry;
  facts = {
    operationId,
    auth: (flags & 1) !== 0,
    team: (flags & 2) !== 0,
    multipart: (flags & 4) !== 0,
    jsonResult: (flags & 8) !== 0,
    retrySafe: isRetrySafe(operationId),
  };
  cache.set(key, facts);
  return facts;
}
