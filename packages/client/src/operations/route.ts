import type { OpenStream } from "../client/open-stream.ts";
import type { paths } from "../generated/schema.ts";
import type { StreamRule } from "../sse/stream-rule.ts";

export type Method = "get" | "put" | "post" | "delete" | "patch";
/** Every key of the spec's `paths`, stream variants (`...#stream`) included. */
export type SpecPath = keyof paths;

/**
 * One spec operation as the call path reads it, generated per operationId into
 * `generated/routes.ts` (`serverlessChatComplete`, `get_dataset`, ...). The type parameters
 * carry the spec key and method, so a call through a route is typed by the route alone.
 */
export interface Route<P extends SpecPath = SpecPath, M extends Method = Method> {
  /** The spec's operationId. */
  readonly id: string;
  readonly method: M;
  /** The spec key: path template, with `#stream` for a stream variant. */
  readonly path: P;
  /** Bit flags, see `ROUTE_FLAGS`. */
  readonly flags: number;
  /** Present on a stream operation: how its stream ends and signals an error. */
  readonly stream?: StreamRule;
  /**
   * Present with `stream`: what opens its events. Carried by the route rather than imported
   * by `makeRequest`, so an app that calls no stream route bundles no stream reader.
   */
  readonly openStream?: OpenStream;
}

/** The bits of `Route.flags`; codegen writes them, the call path reads them. */
export const ROUTE_FLAGS = {
  /** The spec asks for the bearer token. */
  auth: 1,
  /** The spec takes the `X-Friendli-Team` header. */
  team: 2,
  /** The request body is multipart. */
  multipart: 4,
  /** A success answer carries JSON (an empty or unparsable one is then an error). */
  jsonResult: 8,
  /** A retry after the server may have acted is harmless (`spec/retry-policy.json`). */
  retrySafe: 16,
} as const;

export type RouteFlag = keyof typeof ROUTE_FLAGS;

export function hasFlag(route: Route | undefined, flag: RouteFlag): boolean {
  return route !== undefined && (route.flags & ROUTE_FLAGS[flag]) !== 0;
}
