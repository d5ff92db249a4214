import { findOperation } from "@friendli-ts/client/internal";
import { operationIdsByTag } from "@friendli-ts/test-kit";
import { mockClientOptions, reachedOperations } from "@friendli-ts/test-kit/mock-client";
import { createFriendliInference, type InferenceOptions } from "../../src/index.ts";

/** The inference operations of the spec: every Serverless/Dedicated/Container tag but endpoint management. */
export const inferenceOperationIds = [...(await operationIdsByTag())]
  .filter(([tag]) => /^(Serverless|Dedicated|Container)\./.test(tag) && tag !== "Dedicated.Endpoint")
  .flatMap(([, ids]) => ids);

const mock = mockClientOptions((method, url, headers) => {
  // A stream request is told from the JSON one on the same path by its Accept header.
  const wantsStream = headers.get("accept")?.includes("text/event-stream") ?? false;
  return findOperation(method, url.pathname, wantsStream)?.id;
});

/** Operation ids that answered 2xx in this test file. */
export const calledOperations = () => reachedOperations(mock.sent);

/** The inference API pointed at the run's Prism, containers included (no token there). */
export function mockInference(options: InferenceOptions = {}) {
  const { token, ...common } = mock.options;
  return createFriendliInference({ ...common, token, container: { ...common }, ...options });
}
