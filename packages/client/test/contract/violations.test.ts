import type {} from "@friendli-ts/test-kit/global-setup";
import { describe, expect, inject, it } from "vitest";
import { createFriendliClient, ValidationError } from "../../src/index.ts";

// Straight to the mock server with the global fetch: what a user of @friendli-ts/testing sees.
const client = createFriendliClient({ baseURL: inject("mockServerUrl"), token: "test-token", maxRetries: 0 });

describe("a request the mock rejects", () => {
  it("is a ValidationError whose issues say where and what, and whose message names the first", async () => {
    const error = await client
      .POST("/serverless/v1/chat/completions", { body: { model: "m", messages: "not a list" } as never })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const { issues, message } = error as ValidationError;
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]?.loc).toEqual(["body", "messages"]);
    expect(issues[0]?.msg).toMatch(/array/);
    expect(message).toContain(`body.messages: ${issues[0]?.msg}`);
  });
});
