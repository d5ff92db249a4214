// Brings in the type of the mock server URL the global setup provides.
import type {} from "@friendli-ts/test-kit/global-setup";
import { inject } from "vitest";
import { type ClientOptions, createFriendliFetchClient } from "../../src/index.ts";

/** An openapi-fetch client pointed at the run's Prism mock server, failing loudly on contract violations. */
export function mockFetchClient(options: ClientOptions = {}) {
  return createFriendliFetchClient({
    baseURL: inject("mockServerUrl"),
    token: "test-token",
    maxRetries: 0,
    ...options,
  });
}
