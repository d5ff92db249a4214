import { describe, expect, it } from "vitest";
import { eagerHelpers } from "../../src/helpers/eager-helpers.ts";
import { parseChatOutput } from "../../src/helpers/parse-chat-completion.ts";
import { parseModelJson } from "../../src/helpers/parse-model-json.ts";
import { StructuredOutputError } from "../../src/helpers/structured-output-error.ts";

const deepArray = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

describe("parseModelJson", () => {
  it("drops __proto__ keys at every depth, and keeps every other key", () => {
    const value = parseModelJson('{"__proto__":{"x":1},"a":[{"__proto__":2,"b":{"__proto__":3,"c":4}}]}');
    expect(value).toEqual({ a: [{ b: { c: 4 } }] });
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn((value as { a: object[] }).a[0] as object, "__proto__")).toBe(false);
  });

  it("reads 100,000 levels of nesting without overflowing the stack", () => {
    let node = parseModelJson(deepArray(100_000));
    let depth = 0;
    while (Array.isArray(node) && node.length > 0) {
      node = node[0];
      depth++;
    }
    expect(depth).toBe(99_999);
  });

  it("model output nested 100,000 deep is a StructuredOutputError about the depth, not a RangeError", async () => {
    const tree = { $defs: { node: { type: "array", items: { $ref: "#/$defs/node" } } }, $ref: "#/$defs/node" };
    const result = { choices: [{ message: { content: deepArray(100_000) }, finish_reason: "stop" }] };
    const error = await parseChatOutput(result, tree, eagerHelpers).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StructuredOutputError);
    expect((error as StructuredOutputError).cause).toBeUndefined();
    expect((error as StructuredOutputError).issues[0]?.message).toMatch(/nested deeper than/);
  });
});
