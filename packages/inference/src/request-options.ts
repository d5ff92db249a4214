import type { FriendliClient } from "@friendli-ts/client";

/** Per-call options every inference method takes after its body. */
export interface RequestOptions {
  /** Aborts the call (and, for a stream, the reading of it). */
  signal?: AbortSignal;
  /** Team to act for on this call, over the client's `teamId`. */
  teamId?: string;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
  /** Milliseconds per attempt for this call (headers only, for streams). */
  timeout?: number;
  /** Retries for this call. */
  maxRetries?: number;
  /**
   * Called with the HTTP response of a successful call (its headers, `x-request-id` for
   * support, rate-limit headers); a stream has it as `stream.response` instead.
   */
  onResponse?: (response: Response) => void;
}

/** The client to use for one call: the shared one, or a copy with this call's limits. */
export function clientFor(client: FriendliClient, options: RequestOptions = {}): FriendliClient {
  const overrides: { timeout?: number; maxRetries?: number } = {};
  if (options.timeout !== undefined) overrides.timeout = options.timeout;
  if (options.maxRetries !== undefined) overrides.maxRetries = options.maxRetries;
  return Object.keys(overrides).length ? client.withOptions(overrides) : client;
}

/** The openapi-fetch init (minus the body) for one call. */
export function callInit(options: RequestOptions = {}): { signal?: AbortSignal; headers?: Record<string, string> } {
  const headers: Record<string, string> = { ...options.headers };
  if (options.teamId) headers["X-Friendli-Team"] = options.teamId;
  const init: { signal?: AbortSignal; headers?: Record<string, string> } = {};
  if (options.signal) init.signal = options.signal;
  if (Object.keys(headers).length) init.headers = headers;
  return init;
}
