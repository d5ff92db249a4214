import { describe, expect, it } from "vitest";
import { toFormData } from "../../src/client/to-form-data.ts";

describe("toFormData", () => {
  it("files as parts, arrays repeated, objects as JSON, nulls left out", async () => {
    const file = new File(["abc"], "a.wav", { type: "audio/wav" });
    const form = toFormData({ file, model: "m", temperature: 0.5, tags: ["x", "y"], opts: { a: 1 }, gone: null });
    expect((form.get("file") as File).name).toBe("a.wav");
    expect(await (form.get("file") as File).text()).toBe("abc");
    expect(form.get("temperature")).toBe("0.5");
    expect(form.getAll("tags")).toEqual(["x", "y"]);
    expect(form.get("opts")).toBe('{"a":1}');
    expect(form.has("gone")).toBe(false);
  });
});
