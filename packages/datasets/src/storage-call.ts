import type { CallOptions } from "@friendli-ts/client";

/**
 * What a storage upload or a media download takes from a call's options: its signal, timeout
 * and retries. Never its `headers` (they are meant for the Friendli API and could carry
 * credentials) nor `onResponse` (it sees API answers only).
 */
export function storageCall(options: CallOptions = {}): Pick<CallOptions, "signal" | "timeout" | "maxRetries"> {
  return { signal: options.signal, timeout: options.timeout, maxRetries: options.maxRetries };
}
