// Brings in the type of the mock server URL the global setup provides.

import { inject } from "vitest";
import { type OperationOf, recordSentRequests, type SentRequest } from "./record-sent-requests.ts";
import type {} from "./vitest-global-setup.ts";

/**
 * The one way a contract test points a client at the run's Prism mock: its URL, a test
 * token, no retries (a request the spec forbids gets the mock's 422, a ValidationError),
 * and every request recorded in `sent` with the operation it is for.
 */
export function mockClientOptions(operationOf?: OperationOf) {
  const { fetch, sent } = recordSentRequests(operationOf);
  const options = { baseURL: inject("mockServerUrl"), token: "test-token", maxRetries: 0, fetch };
  return { options, sent };
}

/** The operations a test's requests reached with a 2xx answer. */
export function reachedOperations(sent: readonly SentRequest[]): Set<string> {
  const reached = sent.filter((r) => r.status !== undefined && r.status < 300 && r.operationId !== undefined);
  return new Set(reached.map((r) => r.operationId as string));
}
