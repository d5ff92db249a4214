import { InvalidInputError } from "@friendli-ts/client";
import { describe, expect, it } from "vitest";
import { requireEndpointId } from "./require-endpoint-id.ts";

describe("input checks", () => {
  it("endpoint ids must be non-blank strings", () => {
    expect(requireEndpointId("ep-1")).toBe("ep-1");
    for (const bad of ["", "   ", undefined, 42]) expect(() => requireEndpointId(bad)).toThrow(InvalidInputError);
  });
});
