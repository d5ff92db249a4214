import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
// The built entry, as a user installs it.
import { type MockServer, type MockServerOptions, startMockServer } from "../../dist/index.js";
import { specCheckedFetch } from "./spec-checked-fetch.ts";

/** What a state test reads: the mock server, and the fetch that checks each answer it gets. */
export interface SpecCheckedMock {
  mock: MockServer;
  checked: ReturnType<typeof specCheckedFetch>;
  /** Options for a package's client: the mock, a test token, no retries, the checking fetch. */
  clientOptions(): { baseURL: string; token: string; maxRetries: number; fetch: typeof fetch };
}

/**
 * For a test file of a package against the mock's state: starts the mock server for the file,
 * resets it and its checking fetch before each test, and fails a test whose answers broke the
 * spec, or that checked none (a client not on the checking fetch). The fields are set once the
 * file's hooks ran.
 */
export function specCheckedMock(options?: MockServerOptions): SpecCheckedMock {
  const state = {
    clientOptions: () => ({ baseURL: state.mock.url, token: "test-token", maxRetries: 0, fetch: state.checked.fetch }),
  } as SpecCheckedMock;
  beforeAll(async () => {
    state.mock = await startMockServer(options);
  });
  afterAll(() => state.mock?.stop());
  beforeEach(() => {
    state.mock.reset();
    state.checked = specCheckedFetch();
  });
  afterEach(() => {
    expect(state.checked.problems).toEqual([]);
    expect(state.checked.checked, "answers checked against the spec").toBeGreaterThan(0);
  });
  return state;
}
