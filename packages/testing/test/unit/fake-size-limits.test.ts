import { describe, expect, it } from "vitest";
import { fakeJson } from "../../src/mock/fake-json.ts";
import { FAKE_LIMITS, fakeSizeProblem, patternLength } from "../../src/mock/fake-size-problem.ts";

const array = (minItems: number, items: unknown) => ({ type: "array", minItems, items });

describe("the faker's limits", () => {
  it.each([
    ["an array past the item limit", array(FAKE_LIMITS.items + 1, { type: "integer" }), /items in an array/],
    ["a string past the length limit", { type: "string", minLength: 10_000_000 }, /a string of 10000000 characters/],
    ["an object past the property limit", { type: "object", minProperties: 100_000 }, /100000 properties/],
    ["a pattern that only matches long strings", { type: "string", pattern: "^(ab){3000}$" }, /pattern/],
    ["nested arrays whose product is huge", array(30, array(30, array(30, { type: "string", minLength: 30 }))), /over/],
    ["a $ref loop of arrays", { $defs: { n: array(8, { $ref: "#/$defs/n" }) }, $ref: "#/$defs/n" }, /over/],
  ])("%s is refused at once, before any faking", (_what, schema, reason) => {
    const started = performance.now();
    expect(() => fakeJson(schema, 1)).toThrow(reason);
    // Refused by a walk over the schema: well under the seconds faking it took.
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("a schema of ordinary size is faked and valid, also at the limits", () => {
    const value = fakeJson(
      {
        type: "object",
        properties: {
          id: { type: "string", pattern: "^[0-9a-f]{8}-[0-9a-f]{4}$" },
          tags: array(FAKE_LIMITS.items, { type: "string", minLength: 3 }),
        },
        required: ["id", "tags"],
      },
      1,
    ) as { id: string; tags: string[] };
    expect(value.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}$/);
    expect(value.tags.length).toBeGreaterThanOrEqual(FAKE_LIMITS.items);
    expect(fakeSizeProblem(array(FAKE_LIMITS.items, { type: "string", minLength: FAKE_LIMITS.stringLength / 8 }))).toBe(
      undefined,
    );
  });

  it("a schema nested deeper than the stack is walked with a list, and many parts are refused", () => {
    let deep: Record<string, unknown> = { type: "string" };
    for (let i = 0; i < 100_000; i++) deep = { not: deep };
    expect(fakeSizeProblem(deep)).toMatch(/more than 20000 parts/);
  });

  it("measures the least a pattern matches: repeats multiply through groups, alternatives take the longest", () => {
    expect(patternLength("^\\d{4}-\\d{2}-\\d{2}$")).toBe(10);
    expect(patternLength("[a-z]{3}(xy|abcd){2}")).toBe(11);
    expect(patternLength("a{2,}b?c*")).toBe(2);
    expect(patternLength("((a{30}){30}){30}")).toBe(Number.POSITIVE_INFINITY);
  });
});
