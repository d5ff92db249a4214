import { describe, expect, it } from "vitest";
import { limitConcurrency } from "../../src/limit-concurrency.ts";

describe("limitConcurrency", () => {
  it("never runs more than the limit at once, and runs everything", async () => {
    const run = limitConcurrency(3);
    let active = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        run(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 1 + (i % 3)));
          active--;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it("holds the limit for a second wave queued after the first one finished", async () => {
    const run = limitConcurrency(3);
    let active = 0;
    const peaks: number[] = [];
    // Each task waits to be released by hand, so what is in flight is read, not raced against timers.
    const wave = async (size: number) => {
      let peak = 0;
      const releases: (() => void)[] = [];
      const tasks = Array.from({ length: size }, () =>
        run(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise<void>((resolve) => releases.push(resolve));
          active--;
        }),
      );
      let released = 0;
      while (released < size) {
        await new Promise((r) => setImmediate(r));
        expect(active).toBeLessThanOrEqual(3);
        // Release one task at a time, oldest first, so slots are handed over one by one.
        const next = releases[released];
        if (next) {
          next();
          released++;
        }
      }
      await Promise.all(tasks);
      peaks.push(peak);
    };
    await wave(10);
    await wave(10);
    await wave(2);
    expect(peaks).toEqual([3, 3, 2]);
    expect(active).toBe(0);
  });

  it("frees the slot of a failed task", async () => {
    const run = limitConcurrency(1);
    await expect(run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(run(async () => "next")).resolves.toBe("next");
  });
});
