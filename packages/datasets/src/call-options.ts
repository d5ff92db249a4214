import type { RequestOptions } from "./spec-types.ts";

/**
 * The parts of a call's init that every operation shares: the abort signal and, when the
 * caller names a team for this call, the team header (the client's own team otherwise).
 */
export function callOptions(options: RequestOptions = {}) {
  return {
    header: options.teamId === undefined ? undefined : { "X-Friendli-Team": options.teamId },
    signal: options.signal,
  };
}
