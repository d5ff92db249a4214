import { InvalidInputError } from "../errors/friendli-error.ts";
import type { FriendliClient } from "./create-friendli-client.ts";

/** What every wrapper method takes besides its own parameters. */
export interface CallOptions {
  /** Aborts the call (and, for streams, waits and iterators, what follows it). */
  signal?: AbortSignal;
  /** Team to act for on this call only, over the client's `teamId`. */
  teamId?: string;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
  /** Ms per attempt for this call (to the headers, for a stream). */
  timeout?: number;
  /** Retries for this call. */
  maxRetries?: number;
}

export interface PreparedCall {
  /** The client for this call: the shared one, or a copy with this call's timeout or retries. */
  client: FriendliClient;
  /** The spec's team header parameter, for `params.header`. */
  header: { "X-Friendli-Team"?: string };
  signal: AbortSignal | undefined;
  headers: Record<string, string> | undefined;
}

/** Turns a wrapper call's options into the client and the parts of an openapi-fetch init. */
export function prepareCall(client: FriendliClient, options: CallOptions = {}): PreparedCall {
  const { teamId, timeout, maxRetries } = options;
  if (teamId !== undefined && (typeof teamId !== "string" || teamId.trim() === "")) {
    throw new InvalidInputError("teamId must be a non-empty string when given");
  }
  const overrides = {
    ...(timeout !== undefined && { timeout }),
    ...(maxRetries !== undefined && { maxRetries }),
  };
  return {
    client: Object.keys(overrides).length ? client.withOptions(overrides) : client,
    header: teamId === undefined ? {} : { "X-Friendli-Team": teamId },
    signal: options.signal,
    headers: options.headers,
  };
}
