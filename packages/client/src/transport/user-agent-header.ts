import { packageVersion } from "../generated/package-version.ts";

/**
 * `user-agent: friendli-ts/<version>` where a script may set it. Browsers either ignore it or
 * turn it into a CORS preflight question, so there it is left to the browser.
 */
export function userAgentHeader(): Record<string, string> {
  const nav = (globalThis as { navigator?: { userAgent?: string } }).navigator;
  if (nav?.userAgent?.startsWith("Mozilla/")) return {};
  return { "user-agent": `friendli-ts/${packageVersion}` };
}
