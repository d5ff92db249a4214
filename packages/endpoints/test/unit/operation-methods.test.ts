import { describe, expect, it } from "vitest";
import { createFriendliEndpoints } from "../../src/create-friendli-endpoints.ts";
import { operationMethods } from "../../src/operation-methods.ts";

describe("operationMethods", () => {
  it("names a real method for every operation it lists", () => {
    const endpoints = createFriendliEndpoints({ token: "t", baseURL: "http://127.0.0.1:9" }) as unknown as Record<
      string,
      unknown
    >;
    for (const [operationId, path] of Object.entries(operationMethods)) {
      const method = path.split(".").reduce<unknown>((obj, key) => (obj as Record<string, unknown>)?.[key], endpoints);
      expect(typeof method, `${operationId} -> ${path}`).toBe("function");
    }
  });
});
