// bench:compare's judgement of each row (ratio new/base, a regression past 10% worse, in
// the direction of each unit) and the table it prints; no timing.
import { describe, expect, it } from "vitest";
import { COMPARE_CASES, type CompareCase, casesOf } from "../src/compare/compare-cases.ts";
import { type CompareRow, formatCompareTable, judge, noiseOf, regressionsOf } from "../src/compare/compare-table.ts";
import { failureReason } from "../src/compare/failure-reason.ts";
import { REQUIRED_KEYS } from "../src/results.ts";

const ms: CompareCase = { key: "stream_ms", label: "stream", unit: "ms", group: "streams" };
const rps: CompareCase = { key: "request_rps_c1", label: "requests", unit: "req/s", group: "requests" };
const bytes: CompareCase = { key: "bundle_gz_bytes", label: "bundle", unit: "B", group: "bundle" };
const floor: CompareCase = { ...ms, key: "stream_raw_ms", label: "floor", reference: true };
const rounds = (ratio: number, spread: number) => ({ ratio, spread, rounds: 9 });
const row = (c: CompareCase, base: number, next: number): CompareRow => ({
  case: c,
  base: { value: base },
  next: { value: next },
});

describe("judge", () => {
  it("gives new/base and marks a time more than 10% longer as a regression, 10% or less as the same", () => {
    expect(judge(row(ms, 100, 111))).toEqual({
      status: "regression",
      ratio: 1.11,
      insideNoise: false,
      note: "REGRESSION: 11% worse",
    });
    expect(judge(row(ms, 100, 110)).status).toBe("same");
    expect(judge(row(ms, 88, 146))).toMatchObject({ status: "regression", note: "REGRESSION: 66% worse" });
    expect(judge(row(ms, 146, 88))).toMatchObject({ status: "better", note: "better: 40%" });
  });

  it("judges by the rounds' CPU-time ratio when there is one, else their own ratio, not the ratio of the medians", () => {
    expect(judge({ ...row(ms, 100, 130), cpu: rounds(1.04, 0.01), rounds: rounds(1.3, 0.2) })).toEqual({
      status: "same",
      ratio: 1.04,
      insideNoise: false,
      note: "",
    });
    expect(judge({ ...row(ms, 100, 100), rounds: rounds(1.2, 0.01) }).status).toBe("regression");
    expect(judge({ ...row(ms, 100, 100), cpu: rounds(1.2, 0.01), rounds: rounds(1, 0) }).status).toBe("regression");
  });

  it("says when the rounds disagreed by more than the row moved", () => {
    expect(judge({ ...row(ms, 100, 112), cpu: rounds(1.12, 0.15) })).toMatchObject({
      status: "regression",
      insideNoise: true,
      note: "REGRESSION: 12% worse (inside the spread)",
    });
    expect(judge({ ...row(rps, 1000, 850), cpu: rounds(0.85, 0.1) })).toMatchObject({
      insideNoise: false,
      note: "REGRESSION: 15% worse",
    });
  });

  it("reads requests per second the other way: fewer is worse", () => {
    expect(judge(row(rps, 1000, 880))).toMatchObject({
      status: "regression",
      ratio: 0.88,
      note: "REGRESSION: 12% worse",
    });
    expect(judge(row(rps, 1000, 1200))).toMatchObject({ status: "better", ratio: 1.2 });
    expect(judge(row(rps, 1000, 910)).status).toBe("same");
  });

  it("compares bundle bytes like times: more is worse", () => {
    expect(judge(row(bytes, 10_000, 17_900)).status).toBe("regression");
    expect(judge(row(bytes, 17_900, 12_000)).status).toBe("better");
  });

  it("never calls a floor row a regression: it runs the same code in both builds", () => {
    expect(judge(row(floor, 72, 90))).toMatchObject({ status: "reference", ratio: 1.25 });
  });

  it("leaves a row the base cannot run as n/a, and calls one only the new build cannot run a regression", () => {
    const failure = { failure: "the build has no createChat" };
    expect(judge({ case: bytes, base: failure, next: { value: 17_900 } })).toEqual({ status: "n/a", note: "" });
    expect(judge({ case: bytes, base: failure, next: failure }).status).toBe("n/a");
    expect(judge({ case: ms, base: { value: 88 }, next: { failure: "boom" } }).status).toBe("regression");
  });
});

describe("formatCompareTable", () => {
  const rows = [
    row(ms, 88, 146),
    { ...row(rps, 3_000, 3_100), cpu: rounds(1.0312, 0.021), rounds: rounds(1.0456, 0.1234) },
    { case: bytes, base: { failure: "the build has no createChat" }, next: { value: 17_912 } },
  ];
  const table = formatCompareTable(rows, { base: "a51a1c9", next: "e520b2f" });
  const lines = table.split("\n");

  it("is a Markdown table, one line per row, its columns the same width on every line", () => {
    expect(lines).toHaveLength(2 + rows.length);
    expect(lines[0]).toMatch(
      /^\| case +\| +base a51a1c9 \| +new e520b2f \| new\/base \| spread \| wall-clock new\/base \| +\|$/,
    );
    expect(lines[1]).toMatch(/^\|-+\|-+:\|-+:\|-+:\|-+:\|-+:\|-+\|$/);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
  });

  it("prints base, new, the ratio, its spread, the wall-clock ratio and the verdict of each row, and n/a with its reason", () => {
    expect(lines[2]).toMatch(/\| stream +\| +88\.0 ms \| +146 ms \| +1\.659x \| +— \| +— \| REGRESSION: 66% worse \|$/);
    expect(lines[3]).toMatch(
      /\| requests +\| +3,000 req\/s \| +3,100 req\/s \| +1\.031x \| +±2\.1% \| +1\.046x ±12\.3% \| +\|$/,
    );
    expect(lines[4]).toMatch(/\| n\/a \(the build has no createChat\) \| +17,912 B \| +— \|/);
  });

  it("counts the regressions", () => {
    expect(regressionsOf(rows).map((r) => r.case.label)).toEqual(["stream"]);
  });

  it("gives the run's noise as the largest move of a floor, either way", () => {
    const floorRps: CompareCase = { ...rps, key: "request_rps_c1_fetch", reference: true };
    expect(noiseOf([...rows, row(floor, 100, 95), { ...row(floorRps, 500, 500), rounds: rounds(1.2, 0) }])).toBeCloseTo(
      0.2,
    );
    expect(noiseOf([...rows, row(floor, 100, 88)])).toBeCloseTo(0.12);
    expect(noiseOf(rows)).toBeUndefined();
  });
});

describe("the compared cases", () => {
  it("are the stream, request, in-memory call, mock server and bundle cases of pnpm bench, each key once", () => {
    const keys = COMPARE_CASES.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(COMPARE_CASES.map((c) => c.group))).toEqual(
      new Set(["streams", "requests", "memory", "mock", "bundle"]),
    );
    expect(keys).toEqual(expect.arrayContaining(["stream_ms", "stream_client_ms", "request_rps_c64_inference"]));
  });

  it("compare the mock server against Prism alone, the floor that is the same in both builds", () => {
    const mock = casesOf("mock");
    expect(mock.filter((c) => !c.reference).map((c) => c.key)).toEqual([
      "mock_start_ms",
      "mock_rps_c1",
      "mock_rps_c16",
    ]);
    expect(mock.filter((c) => c.reference).map((c) => c.key)).toEqual([
      "mock_start_ms_prism",
      "mock_rps_c1_prism",
      "mock_rps_c16_prism",
    ]);
    // Every row is also a key of pnpm bench's results.
    expect(REQUIRED_KEYS).toEqual(expect.arrayContaining(mock.map((c) => c.key)));
  });
});

describe("failureReason", () => {
  it("names the export an older build lacks, however it was found missing", () => {
    const link = new SyntaxError(
      "The requested module '@friendli-ts/client' does not provide an export named 'createFriendliFetchClient'",
    );
    expect(failureReason(link)).toBe("the build has no createFriendliFetchClient");
    const esbuild = new Error(
      'Build failed with 1 error:\n<stdin>:2:9: ERROR: No matching export in "../tree/packages/inference/dist/index.js" for import "createChat"',
    );
    expect(failureReason(esbuild)).toBe("the build has no createChat");
    expect(failureReason(new TypeError("friendliClient.createFriendliFetchClient is not a function"))).toBe(
      "the build has no createFriendliFetchClient",
    );
  });

  it("puts any other error on one line of at most 100 characters", () => {
    expect(failureReason(new Error("raw stream:\n  HTTP 500"))).toBe("raw stream: HTTP 500");
    expect(failureReason(new Error("x".repeat(300)))).toHaveLength(100);
  });
});
