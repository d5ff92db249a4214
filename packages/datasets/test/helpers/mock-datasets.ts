import type { ClientOptions } from "@friendli-ts/client";
import { findOperation } from "@friendli-ts/client/internal";
// Brings in the type of the mock server URL the global setup provides.
import type {} from "@friendli-ts/test-kit/global-setup";
import { inject } from "vitest";
import { createFriendliDatasets } from "../../src/index.ts";

/** Operation ids that answered 2xx over HTTP during this test file. */
export const calledOperations = new Set<string>();

export interface SeenRequest {
  method: string;
  url: string;
  headers: Headers;
}
/** Every request sent to the mock server, newest last. */
export const seenRequests: SeenRequest[] = [];

/** Records which spec operation each request reached, then sends it (a request the spec forbids gets the mock's 422, a ValidationError). */
const recordingFetch: typeof fetch = async (input, init) => {
  const request = input instanceof Request ? input : new Request(input, init);
  seenRequests.push({ method: request.method, url: request.url, headers: request.headers });
  const response = await fetch(input, init);
  const operation = findOperation(request.method, new URL(request.url).pathname);
  if (operation && response.ok) calledOperations.add(operation.operationId);
  return response;
};

/** The datasets API pointed at the run's Prism mock server, failing loudly on contract violations. */
export function mockDatasets(options: ClientOptions = {}) {
  return createFriendliDatasets({
    baseURL: inject("mockServerUrl"),
    token: "test-token",
    fetch: recordingFetch,
    maxRetries: 0,
    ...options,
  });
}
