import { describe, expect, it } from "vitest";
import * as errors from "../../src/errors.ts";
import * as client from "../../src/index.ts";

describe("the client's main entry", () => {
  it("exports every error class of ./errors, the same classes", () => {
    const exported: Record<string, unknown> = { ...client };
    const classes = Object.entries(errors);
    expect(classes.map(([name]) => name)).toContain("RateLimitError");
    for (const [name, value] of classes) expect(exported[name], name).toBe(value);
  });
});
