import type { ResolvedClientOptions } from "../transport/client-options.ts";
import type { Transport } from "../transport/send-request.ts";
import type { FriendliClient } from "./create-friendli-client.ts";

/** What the wrappers reach through `@friendli-ts/client/internal`, kept off the public object. */
export interface ClientInternals {
  options: ResolvedClientOptions;
  transport: Transport;
  call(method: string, specPath: string, init: Record<string, unknown> | undefined): Promise<unknown>;
  stream(specPath: string, init: Record<string, unknown> | undefined): Promise<unknown>;
}

const internals = new WeakMap<object, ClientInternals>();

export function attachInternals<C extends object>(client: C, value: ClientInternals): C {
  internals.set(client, value);
  return client;
}

export function internalsOf(client: FriendliClient): ClientInternals {
  const found = internals.get(client);
  if (!found) throw new TypeError("not a client made by createFriendliClient");
  return found;
}
