import { type ClientOptions, type ResolvedClientOptions, resolveClientOptions } from "../transport/client-options.ts";
import { createTransport, type Transport } from "../transport/create-transport.ts";

/**
 * What every call goes through: the client's checked options and its transport. A client
 * holds one; a wrapper that needs a few operations makes one without the client object (its
 * typed methods, `fetch` and the whole route table), and hands it to `makeRequest`.
 */
export interface CallCore {
  options: ResolvedClientOptions;
  transport: Transport;
}

export function createCallCore(resolved: ResolvedClientOptions): CallCore {
  return { options: resolved, transport: createTransport(resolved) };
}

/** A core from client options: defaults from the environment, every value checked. */
export function callCoreFromOptions(options: ClientOptions): CallCore {
  return createCallCore(resolveClientOptions(options));
}

// A client's core, kept off the public object.
const cores = new WeakMap<object, CallCore>();

export function attachCore<C extends object>(client: C, core: CallCore): C {
  cores.set(client, core);
  return client;
}

/** The core of a client made by `createFriendliClient`, for a wrapper that was handed the client. */
export function coreOf(client: object): CallCore {
  const core = cores.get(client);
  if (!core) throw new TypeError("not a client made by createFriendliClient");
  return core;
}
