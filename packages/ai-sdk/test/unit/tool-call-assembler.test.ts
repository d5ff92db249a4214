import type { LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { describe, expect, it } from "vitest";
import { ToolCallAssembler, type ToolCallDelta } from "../../src/tool-call-assembler.ts";

const add = (assembler: ToolCallAssembler, delta: ToolCallDelta) => {
  const parts: LanguageModelV4StreamPart[] = [];
  assembler.add(delta, parts);
  return parts;
};
const calls = (assembler: ToolCallAssembler) => {
  const parts: LanguageModelV4StreamPart[] = [];
  assembler.finish(parts);
  return parts.filter((p) => p.type === "tool-call");
};

describe("ToolCallAssembler", () => {
  it("holds arguments that come before the name, and starts the call once the name is known", () => {
    const assembler = new ToolCallAssembler();
    expect(add(assembler, { index: 0, id: "c1", function: { arguments: '{"a":' } })).toEqual([]);
    const parts = add(assembler, { index: 0, function: { name: "f", arguments: "1}" } });
    expect(parts).toEqual([
      { type: "tool-input-start", id: "c1", toolName: "f" },
      { type: "tool-input-delta", id: "c1", delta: '{"a":' },
      { type: "tool-input-delta", id: "c1", delta: "1}" },
    ]);
    expect(calls(assembler)).toEqual([{ type: "tool-call", toolCallId: "c1", toolName: "f", input: '{"a":1}' }]);
  });

  it("continues the last call for a delta without index or id, and tells calls apart by a new id", () => {
    const assembler = new ToolCallAssembler();
    add(assembler, { id: "a", function: { name: "f", arguments: "{" } });
    add(assembler, { function: { arguments: "}" } });
    add(assembler, { id: "b", function: { name: "g", arguments: "{}" } });
    add(assembler, { id: "b", function: { arguments: "" } });
    expect(calls(assembler).map((c) => c.type === "tool-call" && [c.toolCallId, c.toolName, c.input])).toEqual([
      ["a", "f", "{}"],
      ["b", "g", "{}"],
    ]);
  });

  it("finds an earlier call by its id when deltas without an index go back to it", () => {
    const assembler = new ToolCallAssembler();
    add(assembler, { id: "a", function: { name: "f", arguments: '{"x":' } });
    add(assembler, { id: "b", function: { name: "g", arguments: "{}" } });
    add(assembler, { id: "a", function: { arguments: "1}" } });
    expect(calls(assembler).map((c) => c.type === "tool-call" && [c.toolCallId, c.input])).toEqual([
      ["a", '{"x":1}'],
      ["b", "{}"],
    ]);
  });

  it("gives a second call that reuses an id an id of its own, and an empty input is {}", () => {
    const assembler = new ToolCallAssembler();
    add(assembler, { index: 0, id: "same", function: { name: "f" } });
    add(assembler, { index: 1, id: "same", function: { name: "g" } });
    const [first, second] = calls(assembler);
    expect(first?.type === "tool-call" && first.input).toBe("{}");
    expect(first?.type === "tool-call" && first.toolCallId).toBe("same");
    expect(second?.type === "tool-call" && second.toolCallId).not.toBe("same");
  });

  it("drops a delta's junk fields and a call that never got a name", () => {
    const assembler = new ToolCallAssembler();
    add(assembler, { index: 3, id: null, function: { name: 42, arguments: ["x"] } });
    expect(calls(assembler)).toEqual([]);
  });

  it("assembles tens of thousands of calls named by id alone in linear time", () => {
    // A scan of the open calls per delta takes tens of seconds here; an index by id, milliseconds.
    const assembler = new ToolCallAssembler();
    const n = 10_000;
    const started = performance.now();
    for (let i = 0; i < n; i++) add(assembler, { id: `c${i}`, function: { name: "f", arguments: "{" } });
    for (let i = 0; i < n; i++) add(assembler, { id: `c${i}`, function: { arguments: "}" } });
    const all = calls(assembler);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(all).toHaveLength(n);
    expect(all.every((c) => c.type === "tool-call" && c.input === "{}")).toBe(true);
  });
});
