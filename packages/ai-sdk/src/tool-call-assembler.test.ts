import { describe, expect, it } from "vitest";
import { ToolCallAssembler } from "./tool-call-assembler.ts";

const calls = (assembler: ToolCallAssembler) => assembler.finish().filter((p) => p.type === "tool-call");

describe("ToolCallAssembler", () => {
  it("holds arguments that come before the name, and starts the call once the name is known", () => {
    const assembler = new ToolCallAssembler();
    expect(assembler.add({ index: 0, id: "c1", function: { arguments: '{"a":' } })).toEqual([]);
    const parts = assembler.add({ index: 0, function: { name: "f", arguments: "1}" } });
    expect(parts).toEqual([
      { type: "tool-input-start", id: "c1", toolName: "f" },
      { type: "tool-input-delta", id: "c1", delta: '{"a":' },
      { type: "tool-input-delta", id: "c1", delta: "1}" },
    ]);
    expect(calls(assembler)).toEqual([{ type: "tool-call", toolCallId: "c1", toolName: "f", input: '{"a":1}' }]);
  });

  it("continues the last call for a delta without index or id, and tells calls apart by a new id", () => {
    const assembler = new ToolCallAssembler();
    assembler.add({ id: "a", function: { name: "f", arguments: "{" } });
    assembler.add({ function: { arguments: "}" } });
    assembler.add({ id: "b", function: { name: "g", arguments: "{}" } });
    assembler.add({ id: "b", function: { arguments: "" } });
    expect(calls(assembler).map((c) => c.type === "tool-call" && [c.toolCallId, c.toolName, c.input])).toEqual([
      ["a", "f", "{}"],
      ["b", "g", "{}"],
    ]);
  });

  it("gives a second call that reuses an id an id of its own, and an empty input is {}", () => {
    const assembler = new ToolCallAssembler();
    assembler.add({ index: 0, id: "same", function: { name: "f" } });
    assembler.add({ index: 1, id: "same", function: { name: "g" } });
    const [first, second] = calls(assembler);
    expect(first?.type === "tool-call" && first.input).toBe("{}");
    expect(first?.type === "tool-call" && first.toolCallId).toBe("same");
    expect(second?.type === "tool-call" && second.toolCallId).not.toBe("same");
  });

  it("drops a delta's junk fields and a call that never got a name", () => {
    const assembler = new ToolCallAssembler();
    assembler.add({ index: 3, id: null, function: { name: 42, arguments: ["x"] } });
    expect(assembler.finish()).toEqual([]);
  });
});
