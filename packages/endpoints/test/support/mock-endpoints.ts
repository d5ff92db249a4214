import { findOperation } from "@friendli-ts/client/internal";
import { mockClientOptions } from "@friendli-ts/test-kit/mock-client";
import { createFriendliEndpoints, type SharedClientOptions } from "../../src/index.ts";

/** Endpoints helpers pointed at the run's Prism mock server, each request recorded in `sent` with its operation. */
export function mockEndpoints(options: SharedClientOptions = {}) {
  const mock = mockClientOptions((method, url) => findOperation(method, url.pathname)?.id);
  return { endpoints: createFriendliEndpoints({ ...mock.options, ...options }), sent: mock.sent };
}
