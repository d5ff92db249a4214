import type { ClientOptions } from "../transport/client-options.ts";
import { createFriendliClient, type FriendliClient } from "./create-friendli-client.ts";

/** What every wrapper factory takes: client options, or a client to share, or both. */
export interface SharedClientOptions extends ClientOptions {
  /**
   * A low-level client to share. Used as is when no other client option is given; with
   * others, `client.withOptions(those)` is used, so they apply on top of it.
   */
  client?: FriendliClient | undefined;
}

/** The one rule every wrapper factory follows for a passed-in client. */
export function clientFromOptions(options: SharedClientOptions): FriendliClient {
  const { client, ...rest } = options;
  const given = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  if (!client) return createFriendliClient(given);
  return Object.keys(given).length > 0 ? client.withOptions(given) : client;
}
