import { describe, expect, it } from "vitest";
import { modalityMismatch } from "../../src/modality-mismatch.ts";

const used = (input: ("TEXT" | "IMAGE" | "AUDIO")[]) => ({ input: new Set(input), output: new Set(["TEXT" as const]) });

describe("modalityMismatch", () => {
  it("accepts a sample whose modalities the dataset has", () => {
    expect(
      modalityMismatch(used(["TEXT", "IMAGE"]), { input_modals: ["TEXT", "IMAGE"], output_modals: ["TEXT"] }),
    ).toBe(null);
  });

  it("says which modality the dataset lacks", () => {
    expect(modalityMismatch(used(["TEXT", "IMAGE"]), { input_modals: ["TEXT"], output_modals: ["TEXT"] })).toBe(
      "uses IMAGE input but the dataset's input modality is TEXT",
    );
  });

  it("checks outputs only when the dataset lists some", () => {
    expect(modalityMismatch(used(["TEXT"]), { input_modals: ["TEXT"], output_modals: [] })).toBe(null);
    expect(modalityMismatch(used(["TEXT"]), { input_modals: ["TEXT"], output_modals: ["AUDIO"] })).toMatch(
      /uses TEXT output/,
    );
  });
});
