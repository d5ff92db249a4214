import { InvalidInputError } from "@friendli-ts/client";
import { describe, expect, it } from "vitest";
import { callParts } from "./call-options.ts";
import { requireEndpointId } from "./require-endpoint-id.ts";

describe("input checks", () => {
  it("endpoint ids must be non-blank strings", () => {
    expect(requireEndpointId("ep-1")).toBe("ep-1");
    for (const bad of ["", "   ", undefined, 42]) expect(() => requireEndpointId(bad)).toThrow(InvalidInputError);
  });

  it("a call's team becomes the team header; a blank one is rejected", () => {
    expect(callParts({ teamId: "t" }).header).toEqual({ "X-Friendli-Team": "t" });
    expect(callParts().header).toEqual({});
    expect(() => callParts({ teamId: " " })).toThrow(InvalidInputError);
  });
});
