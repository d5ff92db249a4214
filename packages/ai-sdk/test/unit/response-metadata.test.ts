import { describe, expect, it } from "vitest";
import { responseMetadata } from "../../src/response-metadata.ts";

describe("responseMetadata", () => {
  it("reads the id, model and time the API sent", () => {
    expect(responseMetadata({ id: "c1", model: "m", created: 1_700_000_000 }, null)).toEqual({
      id: "c1",
      modelId: "m",
      timestamp: new Date(1_700_000_000_000),
    });
  });

  it("a time no Date can hold is left out, never an Invalid Date", () => {
    for (const created of [1e20, -1, Number.POSITIVE_INFINITY, "1"]) {
      expect(responseMetadata({ created }, null)).toEqual({});
    }
  });

  it("redacts the secret from the id and the model", () => {
    expect(responseMetadata({ id: "x-flp_secret", model: "flp_secret" }, "flp_secret")).toEqual({
      id: "x-[redacted]",
      modelId: "[redacted]",
    });
  });
});
