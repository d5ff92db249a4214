import { type ClientOptions, type ResolvedClientOptions, resolveClientOptions } from "../transport/client-options.ts";
import { createTransport, type Transport } from "../transport/send-request.ts";

/**
 * What every call of a client goes through: its checked options and its transport. A
 * client holds one; a wrapper that needs a few operations can make one without the client
 * object (its typed methods, `fetch` and the whole route table).
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
