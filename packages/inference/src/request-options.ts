import type { CallOptions } from "@friendli-ts/client";

/** Per-call options every inference method takes after its body. */
export interface RequestOptions extends CallOptions {
  /**
   * Called with the HTTP response of a successful call (its headers, `x-request-id` for
   * support, rate-limit headers); a stream has it as `stream.response` instead.
   */
  onResponse?: (response: Response) => void;
}
