import { describe, expect, it } from "vitest";
import { sampleJson } from "../../src/sample-json.ts";
import { SampleValidationError } from "../../src/sample-validation-error.ts";

const at = { index: 3 };
const messages = [{ role: "user", content: "hi" }];

function refusal(value: unknown): SampleValidationError {
  try {
    sampleJson(value, at);
  } catch (error) {
    if (error instanceof SampleValidationError) return error;
    throw error;
  }
  throw new Error("expected the sample to be refused");
}

describe("sampleJson", () => {
  it("writes what JSON.stringify writes, every field kept, undefined properties absent", () => {
    const sample = { id: "a", messages, tools: [{ type: "function" }], when: new Date(0), skip: undefined };
    expect(sampleJson(sample, at)).toBe(JSON.stringify(sample));
  });

  it.each([
    [{ messages, meta: { n: 12345678901234567890n } }, "meta.n", /BigInt/],
    [{ messages, score: Number.NaN }, "score", /not a JSON number/],
    [{ messages, list: [1, undefined] }, "list[1]", /undefined in an array/],
    [{ messages, "odd key": () => 1 }, '["odd key"]', /function/],
  ])("refuses %o, naming the place", (value, path, reason) => {
    const error = refusal(value);
    expect(error).toMatchObject({ index: 3, path });
    expect(error.reason).toMatch(reason);
  });

  it("refuses a cycle but takes a value shared without one", () => {
    const shared = { role: "user", content: "hi" };
    expect(sampleJson({ messages: [shared, shared] }, at)).toBe(JSON.stringify({ messages: [shared, shared] }));
    const cyclic: { messages: unknown[] } = { messages: [] };
    cyclic.messages.push({ role: "user", content: "hi", parent: cyclic });
    expect(refusal(cyclic)).toMatchObject({ path: "messages[0].parent", reason: expect.stringMatching(/cycle/) });
  });
});
