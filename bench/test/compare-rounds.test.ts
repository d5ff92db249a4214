// How bench:compare reads its rounds (their ratios' median and spread), its command line,
// and how the bench measures a bundle that loads part of itself later; no timing.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundleSize } from "../src/cases/bundle.ts";
import { summarizeRatios } from "../src/compare/pair-ratios.ts";
import { parseCompareArgs } from "../src/compare/parse-compare-args.ts";

describe("summarizeRatios", () => {
  it("takes the mean of the middle half of the rounds' ratios, which a round slowed by other work does not move", () => {
    expect(summarizeRatios([1.0, 1.02, 0.98, 1.01, 2.5])?.ratio).toBeCloseTo(1.01, 10);
    expect(summarizeRatios([0.4, 1.0, 1.02, 0.98, 1.01])?.ratio).toBeCloseTo(0.99667, 4);
    expect(summarizeRatios([1.1, 0.9, 3, 0.1, 1.2, 0.8, 1, 1])?.ratio).toBeCloseTo(1, 10);
  });

  it("gives half the quartile-to-quartile width as a fraction of the ratio", () => {
    // Quartiles of 1, 1.1, 1.2, 1.3, 1.4: 1.1 and 1.3; half their distance, over the median 1.2.
    expect(summarizeRatios([1.3, 1.0, 1.4, 1.1, 1.2])?.spread).toBeCloseTo(0.1 / 1.2);
    expect(summarizeRatios([1, 1, 1, 1])).toEqual({ ratio: 1, spread: 0, rounds: 4 });
  });

  it("has nothing to say without rounds", () => {
    expect(summarizeRatios([])).toBeUndefined();
  });
});

describe("parseCompareArgs", () => {
  it("runs 16 rounds, 8 with --quick, and --same compares the tree with itself", () => {
    expect(parseCompareArgs([])).toMatchObject({ rounds: 16, same: false });
    expect(parseCompareArgs(["--quick", "--same"])).toMatchObject({ rounds: 8, same: true });
    expect(parseCompareArgs(["a51a1c9", "--quick"])).toMatchObject({ ref: "a51a1c9", rounds: 8 });
  });

  it("refuses a ref beside --same: there is no base to build", () => {
    expect(() => parseCompareArgs(["--same", "main"])).toThrow(/--same compares this tree with itself/);
  });
});

describe("bundleSize", () => {
  const folder = mkdtempSync(join(tmpdir(), "perf-bench-bundle-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("counts what an app loads at start apart from what it imports only when a method runs", async () => {
    // Text that gzip cannot fold away, so each file's size shows.
    const noise = (seed: number) => Array.from({ length: 800 }, (_, i) => ((i * 7919 + seed) % 10007).toString(36));
    writeFileSync(join(folder, "eager.js"), `export const eager = ${JSON.stringify(noise(1))};`);
    writeFileSync(join(folder, "lazy.js"), `export const lazy = ${JSON.stringify(noise(2))};`);
    const app = (lazily: boolean) =>
      lazily
        ? `import { eager } from "./eager.js"; console.log(eager, () => import("./lazy.js"));`
        : `import { eager } from "./eager.js"; import { lazy } from "./lazy.js"; console.log(eager, lazy);`;
    const split = await bundleSize(app(true), folder);
    const whole = await bundleSize(app(false), folder);
    expect(split.totalGzBytes - split.gzBytes).toBeGreaterThan(1_000);
    expect(whole.totalGzBytes).toBe(whole.gzBytes);
    expect(split.gzBytes).toBeLessThan(whole.gzBytes - 1_000);
  });
});
