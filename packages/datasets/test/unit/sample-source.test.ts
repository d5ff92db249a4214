import { InvalidInputError } from "@friendli-ts/client";
import { describe, expect, it } from "vitest";
import { describeSource, parseSample, readSamples, type SampleInput, sampleText } from "../../src/sample-source.ts";
import { SampleValidationError } from "../../src/sample-validation-error.ts";

async function collect(input: SampleInput) {
  const items = [];
  for await (const item of readSamples(input)) items.push(item);
  return items;
}

const sample = { messages: [{ role: "user" as const, content: "hi" }] };

describe("readSamples", () => {
  it("numbers array items and leaves them as given", async () => {
    expect(await collect([sample, JSON.stringify(sample)])).toEqual([
      { raw: sample, index: 0 },
      { raw: JSON.stringify(sample), index: 1 },
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

  it("gives JSONL items their line numbers and their text as written", async () => {
    const line = '{ "messages": [{"role": "user", "content": "hi"}], "n": 12345678901234567890 }';
    const blob = new Blob([`\n${line}\r\n`]);
    expect(await collect(blob)).toEqual([{ raw: line, index: 0, line: 2 }]);
  });

  it("refuses a bare string instead of reading its characters", async () => {
    await expect(collect("not samples" as never)).rejects.toBeInstanceOf(InvalidInputError);
  });
});

describe("sampleText and parseSample", () => {
  it("keeps a string as written, without the whitespace around it, and writes an object with JSON.stringify", () => {
    expect(sampleText({ raw: ' \t{"messages": [], "n": 1.0e2}\n', index: 0 })).toBe('{"messages": [], "n": 1.0e2}');
    expect(sampleText({ raw: { ...sample, id: "x" }, index: 0 })).toBe(JSON.stringify({ ...sample, id: "x" }));
  });

  it("names the sample or line of a text that is not JSON", () => {
    const error = (() => {
      try {
        return parseSample("{oops", { index: 1 });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SampleValidationError);
    expect((error as Error).message).toMatch(/^sample 1: not valid JSON/);
    expect(() => parseSample("[", { index: 4, line: 7 })).toThrow(/^line 7: not valid JSON/);
  });
});

describe("describeSource", () => {
  it("knows the sample count of an array and the byte size of a Blob", () => {
    expect(describeSource([sample, sample])).toEqual({ samplesTotal: 2, bytesTotal: null });
    expect(describeSource(new Blob(["12345"]))).toEqual({ samplesTotal: null, bytesTotal: 5 });
  });
});
