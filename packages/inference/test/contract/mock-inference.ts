import type { ClientOptions } from "@friendli-ts/client";
import { findOperation, type OperationId, operations } from "@friendli-ts/client/internal";
// Brings in the type of the mock server URL the global setup provides.
import type {} from "@friendli-ts/test-kit/global-setup";
import { inject } from "vitest";
import { createFriendliInference, type InferenceOptions } from "../../src/index.ts";

/** The inference operations of the spec: every Serverless/Dedicated/Container tag but endpoint management. */
export const inferenceOperationIds = (Object.keys(operations) as OperationId[]).filter((id) => {
  const { tag } = operations[id];
  return /^(Serverless|Dedicated|Container)\./.test(tag) && tag !== "Dedicated.Endpoint";
});

/** Operation ids that answered 2xx through `recordingFetch` in this test file. */
export const calledOperations = new Set<string>();

/**
 * The global fetch (the mock answers a request the spec forbids with a 422 listing each
 * violation, a ValidationError here) that also notes
 * which operation each successful request reached; a stream request is told from the JSON
 * one on the same path by its Accept header.
 */
export const recordingFetch: typeof fetch = async (input, init) => {
  // Read before sending: a Request's body can be read only once.
  const isRequest = input instanceof Request;
  const method = init?.method ?? (isRequest ? input.method : "GET");
  const url = isRequest ? input.url : String(input);
  const headers = new Headers(init?.headers ?? (isRequest ? input.headers : undefined));
  const response = await fetch(input, init);
  const wantsStream = headers.get("accept")?.includes("text/event-stream") ?? false;
  const operation = findOperation(method, new URL(url).pathname, wantsStream);
  if (operation && response.ok) calledOperations.add(operation.operationId);
  return response;
};

/** The inference API pointed at the run's Prism, containers included (no token there). */
export function mockInference(options: InferenceOptions = {}) {
  const baseURL = inject("mockServerUrl");
  const common: ClientOptions = { baseURL, fetch: recordingFetch, maxRetries: 0 };
  return createFriendliInference({ ...common, token: "test-token", container: { ...common }, ...options });
}
