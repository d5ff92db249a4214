import { InvalidInputError } from "@friendli-ts/client";
import { describe, expect, it } from "vitest";
import { describeSource, readSamples, type SampleInput } from "./sample-source.ts";
import { SampleValidationError } from "./sample-validation-error.ts";

async function collect(input: SampleInput) {
  const items = [];
  for await (const item of readSamples(input)) items.push(item);
  return items;
}

const sample = { messages: [{ role: "user" as const, content: "hi" }] };

describe("readSamples", () => {
  it("numbers array items and parses the JSON strings among them", async () => {
    expect(await collect([sample, JSON.stringify(sample)])).toEqual([
      { value: sample, index: 0 },
      { value: sample, index: 1 },
    ]);
  });

  it("reads a sync generator lazily", async () => {
    let produced = 0;
    function* generate() {
      for (;;) {
        produced++;
        yield sample;
      }
    }
    for await (const item of readSamples(generate())) if (item.index === 2) break;
    expect(produced).toBe(3);
  });

  it("gives JSONL items their line numbers", async () => {
    const blob = new Blob([`\n${JSON.stringify(sample)}\n`]);
    expect(await collect(blob)).toEqual([{ value: sample, index: 0, line: 2 }]);
  });

  it("names the item of a string that is not JSON", async () => {
    const error = await collect([sample, "{oops"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SampleValidationError);
    expect((error as Error).message).toMatch(/^sample 1: not valid JSON/);
  });

  it("refuses a bare string instead of reading its characters", async () => {
    await expect(collect("not samples" as never)).rejects.toBeInstanceOf(InvalidInputError);
  });
});

describe("describeSource", () => {
  it("knows the sample count of an array and the byte size of a Blob", () => {
    expect(describeSource([sample, sample])).toEqual({ samplesTotal: 2, bytesTotal: null });
    expect(describeSource(new Blob(["12345"]))).toEqual({ samplesTotal: null, bytesTotal: 5 });
  });
});
