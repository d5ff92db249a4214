import { InvalidInputError } from "../errors/friendli-error.ts";
import { checkHeaders, checkTeamId } from "../transport/check-header-value.ts";
import { checkCount, MAX_TIMEOUT_MS, type ResolvedClientOptions } from "../transport/client-options.ts";
import type { CallSettings } from "../transport/create-transport.ts";

/** What every call takes besides its own parameters: the client's typed methods and every wrapper method. */
export interface CallOptions {
  /** Aborts the call (and, for streams, waits and listings, what follows it). */
  signal?: AbortSignal | undefined;
  /** Team to act for on this call only, over the client's `teamId`. */
  teamId?: string | undefined;
  /** Extra headers for this call. */
  headers?: Record<string, string> | undefined;
  /** Ms per attempt for this call (to the headers, for a stream). */
  timeout?: number | undefined;
  /** Ms a stream of this call may go without a byte. */
  idleTimeout?: number | undefined;
  /** Retries for this call. */
  maxRetries?: number | undefined;
  /**
   * Called with the HTTP response of a successful call, before its result is returned: its
   * headers, `x-request-id` for support, rate-limit headers. For a stream, once its headers arrive.
   */
  onResponse?: ((response: Response) => void) | undefined;
}

export interface ResolvedCall extends CallSettings {
  headers: Record<string, string>;
  idleTimeout: number;
  onResponse: ((response: Response) => void) | undefined;
}

/** A call's options over the client's, checked, without building anything else. */
export function resolveCall(client: ResolvedClientOptions, options: CallOptions): ResolvedCall {
  const { teamId, signal } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new InvalidInputError("signal must be an AbortSignal");
  }
  const timeout =
    options.timeout === undefined ? client.timeout : checkCount("timeout", options.timeout, MAX_TIMEOUT_MS);
  const idleTimeout =
    options.idleTimeout === undefined
      ? (client.idleTimeout ?? timeout)
      : checkCount("idleTimeout", options.idleTimeout, MAX_TIMEOUT_MS);
  return {
    signal,
    timeout,
    idleTimeout,
    maxRetries:
      options.maxRetries === undefined ? client.maxRetries : checkCount("maxRetries", options.maxRetries, 100),
    teamId: teamId === undefined ? client.teamId : checkTeamId(teamId),
    headers: checkHeaders(options.headers, "headers"),
    onResponse: options.onResponse,
  };
}
