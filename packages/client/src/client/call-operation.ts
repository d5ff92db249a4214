import type { Stream } from "../sse/stream.ts";
import type { CallOptions } from "./call-options.ts";
import { internalsOf } from "./client-internals.ts";
import type { FriendliClient } from "./create-friendli-client.ts";
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
  return (await internalsOf(client).call(method, path, init as Record<string, unknown> | undefined)) as Result;
}

/** The same for a stream operation: its events as `Event`. */
export async function streamOperation<Event>(
  client: FriendliClient,
  path: StreamPath,
  init: OperationInit,
): Promise<Stream<Event>> {
  return (await internalsOf(client).stream(path, init as Record<string, unknown>)) as Stream<Event>;
}
