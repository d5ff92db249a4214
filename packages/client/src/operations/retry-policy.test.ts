import { describe, expect, it } from "vitest";
import { operations } from "../generated/operations.ts";
import { routes } from "../generated/routes.ts";
import { isRetrySafe, retryPolicy } from "./retry-policy.ts";
import { routeFacts } from "./route-facts.ts";

const INFERENCE = /^(Serverless|Dedicated|Container)\.(?!Endpoint$)/;

describe("the retry table", () => {
  it("lists every operation outside inference, and nothing the spec does not have", () => {
    const all = Object.values(operations);
    const stateful = all.filter((op) => !INFERENCE.test(op.tag)).map((op) => op.operationId);
    const listed = Object.keys(retryPolicy);
    expect(
      stateful.filter((id) => !listed.includes(id)),
      "decide these in retry-policy.ts",
    ).toEqual([]);
    expect(
      listed.filter((id) => !all.some((op) => op.operationId === id)),
      "no longer in the spec",
    ).toEqual([]);
  });

  it("never repeats what acts twice; inference repeats", () => {
    expect(isRetrySafe("dedicatedRestartEndpoint")).toBe(false);
    expect(isRetrySafe("upload_raw_samples")).toBe(false);
    expect(isRetrySafe("add_samples")).toBe(false);
    expect(isRetrySafe("dedicatedSleepEndpoint")).toBe(true);
    expect(isRetrySafe("serverlessChatComplete")).toBe(true);
  });

  it("reaches the call path through the generated route flags", () => {
    const keys = Object.keys(routes);
    expect(keys.length).toBeGreaterThan(50);
    for (const key of keys) {
      const [method, specPath] = key.split(" ") as [string, string];
      const facts = routeFacts(method, specPath);
      expect(facts?.retrySafe, key).toBe(isRetrySafe(facts?.operationId ?? ""));
    }
    expect(routeFacts("post", "/dedicated/beta/endpoint")?.retrySafe).toBe(false);
  });
});
