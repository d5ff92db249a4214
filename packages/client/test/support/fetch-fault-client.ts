import { type ClientOptions, createFriendliFetchClient } from "../../src/index.ts";

export const TOKEN = "secret-token-123";

/** An openapi-fetch client for a misbehaving local server: quick backoff so retry tests stay fast. */
export function fetchFaultClient(baseURL: string, options: ClientOptions = {}) {
  return createFriendliFetchClient({
    baseURL,
    token: TOKEN,
    teamId: "team-1",
    initialDelayMs: 5,
    maxDelayMs: 50,
    logLevel: "off",
    ...options,
  });
}
