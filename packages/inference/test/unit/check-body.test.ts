import { InvalidInputError } from "@friendli-ts/client";
import { describe, expect, it } from "vitest";
import { checkIntegers, checkModel, checkNonEmptyArray, checkObject, checkOneOf, label } from "../../src/check-body.ts";

describe("body checks", () => {
  it("a body must be an object without a hand-set `stream`", () => {
    expect(() => checkObject("x", null)).toThrow(/must be an object, got null/);
    expect(() => checkObject("x", [1])).toThrow(InvalidInputError);
    expect(() => checkObject("x", { stream: false })).toThrow(/call the `stream\(\)` method/);
    expect(checkObject("x", { stream: null, a: 1 })).toEqual({ stream: null, a: 1 });
  });

  it("model: required outside containers, never empty", () => {
    expect(() => checkModel("x", {}, true)).toThrow(/`model` must be a non-empty string/);
    expect(() => checkModel("x", { model: "  " }, false)).toThrow(/got " {2}"/);
    expect(() => checkModel("x", {}, false)).not.toThrow();
  });

  it("arrays, integers and one-of pairs", () => {
    expect(() => checkNonEmptyArray("x", { messages: [] }, "messages")).toThrow(/got an empty array/);
    expect(() => checkIntegers("x", { tokens: [1, "2"] }, "tokens")).toThrow(/integer token ids/);
    expect(() => checkOneOf("x", {}, "prompt", "tokens")).toThrow(/exactly one of `prompt` and `tokens`$/);
    expect(() => checkOneOf("x", { prompt: "a", tokens: [1] }, "prompt", "tokens")).toThrow(/not both/);
    expect(() => checkOneOf("x", { prompt: "a", tokens: null }, "prompt", "tokens")).not.toThrow();
  });

  it("labels name the deployment kind and method", () => {
    expect(label("/serverless", "chat.complete")).toBe("serverless.chat.complete");
    expect(label("", "token.tokenize")).toBe("container.token.tokenize");
  });
});
