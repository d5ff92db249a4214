import * as client from "@friendli-ts/client";
import * as clientErrors from "@friendli-ts/client/errors";
import { describe, expect, it } from "vitest";
import * as pkg from "../../src/index.ts";

describe("the package index", () => {
  it("re-exports every error class of the client, the same classes", () => {
    const exported: Record<string, unknown> = { ...pkg };
    const errors = Object.entries(clientErrors);
    expect(errors.map(([name]) => name)).toContain("RateLimitError");
    for (const [name, value] of errors) expect(exported[name], name).toBe(value);
    expect(pkg.InvalidInputError).toBe(client.InvalidInputError);
  });
});
