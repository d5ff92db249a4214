import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// A user's npm installs the Prism packages whose `engines` accept their Node; pnpm would take
// the newest in range whatever its `engines` (the workspace's overrides pin what npm picks).
// So the Prism the suite runs must be one this Node may run, or the suite tests another Prism.
const fromCli = createRequire(createRequire(import.meta.url).resolve("@stoplight/prism-cli/package.json"));
const packages = ["prism-cli", "prism-core", "prism-http", "prism-http-server"];

/** `>=a.b.c` (the only form Prism's packages use) against this Node's version. */
function satisfiesAtLeast(range: string, version: string): boolean {
  const match = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(range.trim());
  if (!match) throw new Error(`an engines range this check does not read: ${range}`);
  const want = match.slice(1).map(Number);
  const have = version.replace(/^v/, "").split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    if ((have[i] ?? 0) !== (want[i] ?? 0)) return (have[i] ?? 0) > (want[i] ?? 0);
  }
  return true;
}

describe("the Prism the suite runs", () => {
  for (const name of packages) {
    it(`@stoplight/${name} declares support for this Node (${process.version})`, () => {
      const pkg = fromCli(`@stoplight/${name}/package.json`) as { version: string; engines?: { node?: string } };
      const range = pkg.engines?.node ?? ">=0.0.0";
      expect(satisfiesAtLeast(range, process.version), `${name}@${pkg.version} wants Node ${range}`).toBe(true);
    });
  }
});
