import { createFriendliClient } from "@friendli-ts/client";
import { describe, expect, it } from "vitest";
import { createFriendliInference } from "../../src/create-friendli-inference.ts";

describe("createFriendliInference with a client of yours", () => {
  const given = createFriendliClient({ token: "test-token", baseURL: "http://127.0.0.1:9", timeout: 1_000 });

  it("uses it as is when no other client option is given", () => {
    const inference = createFriendliInference({ client: given });
    expect(inference.client).toBe(given);
  });

  it("uses client.withOptions(...) of the options given beside it", () => {
    const inference = createFriendliInference({ client: given, timeout: 5_000, teamId: "team-7" });
    expect(inference.client).not.toBe(given);
    expect(inference.client.options).toMatchObject({
      baseURL: "http://127.0.0.1:9",
      timeout: 5_000,
      teamId: "team-7",
      hasToken: true,
    });
    expect(given.options.timeout).toBe(1_000);
  });
});
