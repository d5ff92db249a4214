// The bench's inputs and outputs, without timing anything: the SSE body is valid and the
// size the cases expect, and the results file holds every required key as a number.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatResults, REQUIRED_KEYS, writeResults } from "../src/results.ts";
import { buildChatSse } from "../src/sse-body.ts";

describe("the chat SSE body", () => {
  const sse = buildChatSse();
  const text = sse.bytes.toString("utf8");

  it("is 50,000 chat.completion.chunk events then [DONE], 7-10 MB of UTF-8 with multi-byte characters", () => {
    expect(sse.bytes.length).toBeGreaterThan(7_000_000);
    expect(sse.bytes.length).toBeLessThan(10_000_000);
    expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
    expect(sse.bytes.length).toBeGreaterThan(text.length); // multi-byte UTF-8 in the content

    const events = text.split("\n\n");
    expect(events.pop()).toBe(""); // every event ends with a blank line
    expect(events.pop()).toBe("data: [DONE]");
    expect(events).toHaveLength(50_000);
    let textLength = 0;
    const invalid = events.filter((event) => {
      if (!event.startsWith("data: ")) return true;
      const chunk = JSON.parse(event.slice("data: ".length));
      const content = chunk.choices?.[0]?.delta?.content;
      if (chunk.object !== "chat.completion.chunk" || chunk.choices[0].index !== 0) return true;
      if (typeof content !== "string" || content === "") return true;
      textLength += content.length;
      return false;
    });
    expect(invalid.slice(0, 3)).toEqual([]);
    expect(sse.chunks).toBe(50_000);
    expect(textLength).toBe(sse.textLength);
  });

  it("is cut into slices of 1..4096 bytes that add up to the body, the same every run", () => {
    expect(Buffer.concat(sse.slices).equals(sse.bytes)).toBe(true);
    for (const slice of sse.slices) {
      expect(slice.length).toBeGreaterThanOrEqual(1);
      expect(slice.length).toBeLessThanOrEqual(4096);
    }
    // Some slices end inside a multi-byte character, so readers must decode across them.
    expect(sse.slices.some((slice) => (slice.at(-1) as number) >= 0x80)).toBe(true);
    const again = buildChatSse();
    expect(again.slices.map((slice) => slice.length)).toEqual(sse.slices.map((slice) => slice.length));
  });
});

describe("the results writer", () => {
  const complete = Object.fromEntries(REQUIRED_KEYS.map((key, i) => [key, i + 0.5]));

  it("writes every required key as a number, and extra keys after them", () => {
    const dir = mkdtempSync(join(tmpdir(), "bench-results-"));
    try {
      const file = join(dir, "results.json");
      writeResults(file, { request_rps_c1_inference: 7, ...complete });
      const written = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
      for (const key of REQUIRED_KEYS) expect(typeof written[key], key).toBe("number");
      expect(Object.keys(written)).toEqual([...REQUIRED_KEYS, "request_rps_c1_inference"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a missing key or a value that is not a finite number", () => {
    const { generate_ms: _, ...missing } = complete;
    expect(() => formatResults(missing)).toThrow(/generate_ms/);
    expect(() => formatResults({ ...complete, stream_ms: Number.NaN })).toThrow(/stream_ms/);
    expect(() => formatResults({ ...complete, import_ms: "12" })).toThrow(/import_ms/);
  });
});
