import { describe, expect, it } from "vitest";
import { findOperation } from "./find-operation.ts";
import { isIdempotent } from "./is-idempotent.ts";

describe("operation lookup", () => {
  it("matches templated paths to their operation", () => {
    expect(findOperation("get", "/dedicated/beta/endpoint/ep-1/status")?.operationId).toBe(
      "dedicatedGetEndpointStatus",
    );
    expect(findOperation("POST", "/serverless/v1/chat/completions")?.operationId).toBe("serverlessChatComplete");
    expect(findOperation("GET", "/nope")).toBeUndefined();
  });

  it("inference POSTs repeat safely; creating things does not", () => {
    expect(isIdempotent("POST", "/serverless/v1/chat/completions")).toBe(true);
    expect(isIdempotent("POST", "/dedicated/beta/endpoint")).toBe(false);
    expect(isIdempotent("POST", "/beta/dataset/d/split/s/sample")).toBe(false);
    expect(isIdempotent("PATCH", "/beta/file/f")).toBe(false);
    expect(isIdempotent("DELETE", "/beta/dataset/d")).toBe(true);
    expect(isIdempotent("POST", "/unknown")).toBe(false);
  });
});
