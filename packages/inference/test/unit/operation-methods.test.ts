import { operationIdsByTag } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { createFriendliInference } from "../../src/create-friendli-inference.ts";
import { operationMethods } from "../../src/operation-methods.ts";

describe("operationMethods", () => {
  it("lists every inference operation of the spec (all but endpoint management under the three kinds)", async () => {
    const inference = [...(await operationIdsByTag())]
      .filter(([tag]) => /^(Serverless|Dedicated|Container)\./.test(tag) && tag !== "Dedicated.Endpoint")
      .flatMap(([, ids]) => ids);
    expect(Object.keys(operationMethods).sort()).toEqual(inference.sort());
  });

  it("names a real method for every operation, under the namespace of its deployment kind", () => {
    const api = createFriendliInference({ token: "t", baseURL: "http://127.0.0.1:9" }) as unknown as Record<
      string,
      unknown
    >;
    for (const [operationId, path] of Object.entries(operationMethods)) {
      const method = path.split(".").reduce<unknown>((obj, key) => (obj as Record<string, unknown>)?.[key], api);
      expect(typeof method, `${operationId} -> ${path}`).toBe("function");
      expect(operationId.toLowerCase().startsWith(path.split(".")[0] as string), operationId).toBe(true);
    }
  });
});
