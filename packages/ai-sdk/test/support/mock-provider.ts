// Brings in the type of the mock server URL the global setup provides.
import type {} from "@friendli-ts/test-kit/global-setup";
import { inject } from "vitest";
import { createFriendli, type FriendliProviderOptions } from "../../src/index.ts";

/** A provider pointed at the run's Prism mock server, containers included. */
export function mockProvider(options: FriendliProviderOptions = {}) {
  const baseURL = inject("mockServerUrl");
  return createFriendli({
    baseURL,
    token: "test-token",
    maxRetries: 0,
    container: { baseURL, maxRetries: 0 },
    ...options,
  });
}
