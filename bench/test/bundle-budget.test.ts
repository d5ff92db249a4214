// What each small app loads before it runs (min+gzip -9, split as its bundler splits it; the
// same measure as `pnpm bench`'s bundle rows), held to a budget: the last measured size and
// about 2% more. size-limit (in `pnpm test`) holds the whole bundle; this holds the start,
// which grows, for instance, when a module loaded on first use is imported statically.
// Needs the packages' dist (turbo builds it before the tests).
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundleApps, bundleSize } from "../src/cases/bundle.ts";

const benchDir = fileURLToPath(new URL("..", import.meta.url));

const budgets: Partial<Record<keyof typeof bundleApps, number>> = {
  bundle_gz_bytes: 18_470, // chat: 18,109 measured
  bundle_gz_bytes_embeddings: 12_050, // 11,818
  bundle_gz_bytes_audio: 16_750, // 16,419
};

describe("what an app loads at start stays within its budget", () => {
  for (const [app, budget] of Object.entries(budgets)) {
    it(`${app}: at most ${budget} bytes`, async () => {
      const { gzBytes, startFiles } = await bundleSize(bundleApps[app as keyof typeof bundleApps], benchDir);
      expect(gzBytes).toBeLessThanOrEqual(budget);
      // A module loaded on first use imports nothing the start loads (else the bundler cuts
      // the start in two, and every app pays for the seam, embeddings' too).
      expect(startFiles).toBe(1);
    });
  }
});
