import { createFriendliClient } from "@friendli-ts/client";
import { describe, expect, it } from "vitest";
// The built entry, as a user installs it: its spec is the copy shipped beside it in dist/.
import { startMockServer } from "../../dist/index.js";

describe("@friendli-ts/testing", () => {
  it("starts a mock API from the shipped spec that the SDK can call, and stops it", async () => {
    const mock = await startMockServer();
    try {
      const client = createFriendliClient({ baseURL: mock.url, token: "test" });
      const { data } = await client.POST("/serverless/v1/chat/completions", {
        body: { model: "m", messages: [{ role: "user", content: "Hi" }] },
      });
      expect(data.choices.length).toBeGreaterThan(0);
      expect(mock.calls).toEqual([
        {
          method: "POST",
          path: "/serverless/v1/chat/completions",
          stream: false,
          status: 200,
          operationId: "serverlessChatComplete",
        },
      ]);
    } finally {
      await mock.stop();
    }
    await expect(fetch(mock.url)).rejects.toThrow();
  });

  it("a missing spec file is a clear error, and nothing is left running", async () => {
    await expect(startMockServer({ specFile: "/nonexistent/spec.json" })).rejects.toThrow(/pass `specFile`/);
  });
});
