import { APITimeoutError } from "@friendli-ts/client";
import { startFaultServer } from "@friendli-ts/test-kit";
import { afterAll, describe, expect, it } from "vitest";
import { createFriendliEndpoints } from "../src/index.ts";

// A server that never answers: only the call's own timeout can end the wait.
const server = await startFaultServer(() => new Promise<void>(() => {}));
afterAll(() => server.stop());

describe("per-call options", () => {
  it("a call's timeout and retries override the client's, and its headers are sent", async () => {
    const endpoints = createFriendliEndpoints({ baseURL: server.url, token: "t", timeout: 60_000, maxRetries: 3 });
    const started = Date.now();
    await expect(
      endpoints.get("ep-1", { timeout: 50, maxRetries: 0, headers: { "x-trace": "abc" }, teamId: "team-2" }),
    ).rejects.toBeInstanceOf(APITimeoutError);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers).toMatchObject({ "x-trace": "abc", "x-friendli-team": "team-2" });
  });
});
