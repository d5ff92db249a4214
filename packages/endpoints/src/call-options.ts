import { InvalidInputError } from "@friendli-ts/client";

/** What every endpoints call accepts besides its own parameters. */
export interface CallOptions {
  /** Team to act for on this call only; wins over the client's `teamId`. */
  teamId?: string;
  /** Aborts the call (and, for waits and iterators, everything after it). */
  signal?: AbortSignal;
}

/** The header and signal parts of an openapi-fetch init for one call. */
export function callParts(options: CallOptions = {}): {
  header: { "X-Friendli-Team"?: string };
  signal?: AbortSignal;
} {
  if (options.teamId !== undefined && (typeof options.teamId !== "string" || options.teamId.trim() === "")) {
    throw new InvalidInputError("teamId must be a non-empty string when given");
  }
  const header = options.teamId === undefined ? {} : { "X-Friendli-Team": options.teamId };
  return options.signal ? { header, signal: options.signal } : { header };
}
