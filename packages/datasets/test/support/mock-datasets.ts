import type { ClientOptions } from "@friendli-ts/client";
import { findOperation } from "@friendli-ts/client/internal";
import { mockClientOptions, reachedOperations } from "@friendli-ts/test-kit/mock-client";
import { createFriendliDatasets } from "../../src/index.ts";

const mock = mockClientOptions((method, url) => findOperation(method, url.pathname)?.id);

/** Every request sent to the mock server in this test file, newest last. */
export const seenRequests = mock.sent;

/** Operation ids that answered 2xx during this test file. */
export const calledOperations = () => reachedOperations(mock.sent);

/** The datasets API pointed at the run's Prism mock server, failing loudly on contract violations. */
export function mockDatasets(options: ClientOptions = {}) {
  return createFriendliDatasets({ ...mock.options, ...options });
}
