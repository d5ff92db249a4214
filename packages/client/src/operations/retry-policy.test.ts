import { describe, expect, it } from "vitest";
import { operations } from "../generated/operations.ts";
import { isRetrySafe, retryPolicy } from "./retry-policy.ts";

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
});
