import { repoRoot } from "../spec/paths.ts";
import { diffSpecs } from "./diff-specs.ts";
import { formatDiff } from "./format-diff.ts";
import { diffWithImpact, impactOfCheckout } from "./impact-of-checkout.ts";
import { loadSpec } from "./load-spec.ts";

// pnpm spec:diff <old> <new> [--json]   (paths or URLs, YAML or JSON)
// Each change comes with what it reaches in this checkout: wrapper methods, CLI commands,
// AI SDK models, and the examples and README blocks calling them.
const args = process.argv.slice(2);
const json = args.includes("--json");
const [oldSource, newSource] = args.filter((a) => a !== "--json");
if (!oldSource || !newSource) {
  console.error("usage: pnpm spec:diff <old spec path|url> <new spec path|url> [--json]");
  process.exit(2);
}
try {
  const [before, after] = await Promise.all([loadSpec(oldSource), loadSpec(newSource)]);
  const diff = diffSpecs(before, after);
  const impact = await impactOfCheckout(repoRoot, diff, before, after);
  console.log(json ? JSON.stringify(diffWithImpact(diff, impact), null, 2) : formatDiff(diff, before, after, impact));
} catch (error) {
  console.error(`spec:diff failed: ${(error as Error).message}`);
  process.exit(1);
}
