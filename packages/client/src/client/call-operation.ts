import type { RouteEntry } from "../generated/routes.ts";
import { factsOf, routeFacts } from "../operations/route-facts.ts";
import type { Stream } from "../sse/stream.ts";
import type { CallCore } from "./call-core.ts";
import type { CallOptions } from "./call-options.ts";
import { internalsOf } from "./client-internals.ts";
import type { FriendliClient } from "./create-friendli-client.ts";
import { type OperationTarget, operationTarget, pathOfSpecKey } from "./operation-target.ts";
import { openOperationStream, sendOperation } from "./send-operation.ts";
import { serializeJson } from "./serialize-body.ts";
import type { Method, SpecPath, StreamPath } from "./typed-methods.ts";

/** What a call of a spec path takes when the path is built at run time. */
export interface OperationInit extends CallOptions {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown> };
  body?: unknown;
}

/**
 * The typed methods' own call path for a spec path the caller builds from parts
 * (`${prefix}/v1/chat/completions`), which TypeScript cannot follow into `client.POST`'s
 * overloads. The caller names the result type it reads from the spec; the path is still
 * checked to be a spec key.
 */
export async function callOperation<Result>(
  client: FriendliClient,
  method: Method,
  path: SpecPath,
  init?: OperationInit,
): Promise<Result> {
  const target = operationTarget(path, routeFacts(method, path), init?.params);
  return (await sendOperation(internalsOf(client), method, target, init)).data as Result;
}

/** The same for a stream operation: its events as `Event`. */
export async function streamOperation<Event>(
  client: FriendliClient,
  path: StreamPath,
  init: OperationInit,
): Promise<Stream<Event>> {
  const target = operationTarget(path, routeFacts("post", path), init.params);
  return (await openOperationStream(internalsOf(client), target, init)) as Stream<Event>;
}

/** What a call of a JSON route without path or query parameters takes. */
export interface RouteInit extends CallOptions {
  body?: unknown;
}

/**
 * The target of a JSON route without parameters: nothing to fill in and no multipart, so
 * neither helper in a bundle.
 */
function plainTarget(specPath: string, route: RouteEntry): OperationTarget {
  const facts = factsOf(route);
  if (facts.multipart) throw new TypeError(`${facts.operationId} takes multipart: call it through callOperation`);
  return { specPath, path: pathOfSpecKey(specPath), route: facts, serialize: serializeJson };
}

/**
 * `callOperation` for a caller that names its route (`serverlessChatComplete` of the
 * generated routes) and holds a call core: no client object, no route table in its bundle.
 */
export async function callRoute<Result>(
  core: CallCore,
  route: RouteEntry,
  method: Method,
  path: SpecPath,
  init?: RouteInit,
): Promise<Result> {
  return (await sendOperation(core, method, plainTarget(path, route), init)).data as Result;
}

/** `streamOperation` for a caller that names its route and holds a call core. */
export async function streamRoute<Event>(
  core: CallCore,
  route: RouteEntry,
  path: StreamPath,
  init: RouteInit,
): Promise<Stream<Event>> {
  return (await openOperationStream(core, plainTarget(path, route), init)) as Stream<Event>;
}
