import { describe, expect, it } from "vitest";
import { mapFinishReason } from "../../src/map-finish-reason.ts";

describe("mapFinishReason", () => {
  it("maps each of Friendli's reasons, eos_token among them", () => {
    expect(mapFinishReason("stop")).toEqual({ unified: "stop", raw: "stop" });
    expect(mapFinishReason("eos_token")).toEqual({ unified: "stop", raw: "eos_token" });
    expect(mapFinishReason("length")).toEqual({ unified: "length", raw: "length" });
    expect(mapFinishReason("tool_calls")).toEqual({ unified: "tool-calls", raw: "tool_calls" });
    expect(mapFinishReason("function_call")).toEqual({ unified: "tool-calls", raw: "function_call" });
    expect(mapFinishReason("content_filter")).toEqual({ unified: "content-filter", raw: "content_filter" });
  });

  it("a name an object has by inheritance is 'other', never a function or a prototype", () => {
    for (const raw of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]) {
      expect(mapFinishReason(raw)).toEqual({ unified: "other", raw });
    }
  });

  it("anything that is not text is 'other' with no raw value", () => {
    for (const raw of [undefined, null, 3, {}, ["stop"]]) expect(mapFinishReason(raw)).toEqual({ unified: "other" });
  });
});
