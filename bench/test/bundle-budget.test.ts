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
  bundle_gz_bytes: 15_760, // chat: 15,618 measured (15,446 before the picked-text hook)
  bundle_gz_bytes_embeddings: 12_050, // 11,822
  bundle_gz_bytes_images: 12_250, // 12,006
  bundle_gz_bytes_audio: 14_660, // 14,371
  bundle_gz_bytes_client: 15_810, // 15,499
};

// Modules each app loads on first use (`import()`), never at start: the SSE reader and its
// parser on a stream's first read (client/src/sse/read-events.ts), the chat collectors on
// finalResult() (inference/src/streams/collect-chat-completion.ts). A static import of one
// puts it back in the start: this names the reader; the collector, whose code the
// package build puts in a shared chunk-*.js, shows in the budget (+750 B when planted).
const loadedLate = [/eventsource-parser/, /read-events/, /collect-chat-completion/, /chat-text-of-json/];

describe("what an app loads at start stays within its budget", () => {
  for (const [app, budget] of Object.entries(budgets)) {
    it(`${app}: at most ${budget} bytes`, async () => {
      const { gzBytes, startFiles, startInputs } = await bundleSize(
        bundleApps[app as keyof typeof bundleApps],
        benchDir,
      );
      expect(startInputs.filter((input) => loadedLate.some((late) => late.test(input)))).toEqual([]);
      expect(gzBytes).toBeLessThanOrEqual(budget);
      // A module loaded on first use imports nothing the start loads (else the bundler cuts
      // the start in two, and every app pays for the seam, embeddings' too).
      expect(startFiles).toBe(1);
    });
  }
});
