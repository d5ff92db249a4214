import type { ClientOptions } from "../transport/client-options.ts";
import { type CallCore, callCoreFromOptions, coreOf } from "./call-core.ts";
import { createFriendliClient, type FriendliClient } from "./create-friendli-client.ts";

/** What every wrapper factory takes: client options, or a client to share, or both. */
export interface SharedClientOptions extends ClientOptions {
  /**
   * A low-level client to share. Used as is when no other client option is given; with
   * others, `client.withOptions(those)` is used, so they apply on top of it.
   */
  client?: FriendliClient | undefined;
}

/** The options given (undefined ones left out), and the client to share, if any. */
function split(options: SharedClientOptions): { client: FriendliClient | undefined; given: ClientOptions } {
  const { client, ...rest } = options;
  return { client, given: Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) };
}

/** The one rule every wrapper factory follows for a passed-in client. */
export function clientFromOptions(options: SharedClientOptions): FriendliClient {
  const { client, given } = split(options);
  if (!client) return createFriendliClient(given);
  return Object.keys(given).length > 0 ? client.withOptions(given) : client;
}

/**
 * The same rule for a wrapper that needs only a call core: a passed-in client's core (of
 * `client.withOptions(...)` when other options are given), else a core of its own, without
 * the client object.
 */
export function callCoreFromSharedOptions(options: SharedClientOptions): CallCore {
  const { client, given } = split(options);
  if (!client) return callCoreFromOptions(given);
  return coreOf(Object.keys(given).length > 0 ? client.withOptions(given) : client);
}
