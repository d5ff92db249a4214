import { describe, expect, it } from "vitest";
import { fillPathTemplate } from "../../src/client/fill-path-template.ts";
import { InvalidInputError } from "../../src/errors/friendli-error.ts";

describe("fillPathTemplate", () => {
  it("encodes each value into its segment", () => {
    expect(fillPathTemplate("/a/{x}/b/{y}", { x: "1 2", y: "é%" })).toBe("/a/1%202/b/%C3%A9%25");
    expect(fillPathTemplate("/plain", undefined)).toBe("/plain");
  });

  it.each([
    "",
    "  ",
    ".",
    "..",
    "a/b",
    "a?b",
    "a#b",
    "a\\b",
    "a\u0000b",
    "a\tb",
    "\uD800",
    "a\uDC00",
    undefined,
    null,
    7,
  ])("refuses %j, naming the parameter", (value) => {
    expect(() => fillPathTemplate("/d/{dataset_id}", { dataset_id: value })).toThrowError(InvalidInputError);
    expect(() => fillPathTemplate("/d/{dataset_id}", { dataset_id: value })).toThrowError(/`dataset_id`/);
  });
});
