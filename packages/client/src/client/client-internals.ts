import type { CallCore } from "./call-core.ts";
import type { FriendliClient } from "./create-friendli-client.ts";

/** What the wrappers reach through `@friendli-ts/client/internal`, kept off the public object. */
export type ClientInternals = CallCore;

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
