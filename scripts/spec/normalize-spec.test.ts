import { describe, expect, it } from "vitest";
import { tinySpec } from "./fixtures/tiny-openapi.ts";
import { mergeStreamVariants, withoutFragmentPaths } from "./normalize-spec.ts";

describe("normalising the spec", () => {
  it("copies a stream variant's event-stream response onto its base operation", () => {
    const merged = mergeStreamVariants(tinySpec());
    const responses = merged.paths["/v1/chat"]?.post?.responses ?? {};
    const content = responses["200"]?.content;
    expect(Object.keys(content ?? {})).toEqual(["application/json", "text/event-stream"]);
    // The variant itself stays, so its types are still generated.
    expect(merged.paths["/v1/chat#stream"]).toBeDefined();
  });

  it("leaves its input alone and is deterministic", () => {
    const input = tinySpec();
    const before = JSON.stringify(input);
    const a = JSON.stringify(mergeStreamVariants(input));
    expect(JSON.stringify(input)).toBe(before);
    expect(JSON.stringify(mergeStreamVariants(tinySpec()))).toBe(a);
  });

  it("a variant with no base operation is an error that names it", () => {
    const spec = tinySpec();
    delete spec.paths["/v1/chat"];
    expect(() => mergeStreamVariants(spec)).toThrowError(/POST \/v1\/chat#stream has no base operation/);
  });

  it("the mock server's copy has no fragment paths", () => {
    expect(Object.keys(withoutFragmentPaths(mergeStreamVariants(tinySpec())).paths)).toEqual([
      "/v1/chat",
      "/v1/items/{item_id}",
    ]);
  });
});
