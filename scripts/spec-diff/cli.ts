import { diffSpecs } from "./diff-specs.ts";
import { formatDiff } from "./format-diff.ts";
import { loadSpec } from "./load-spec.ts";

// pnpm spec:diff <old> <new> [--json]   (paths or URLs, YAML or JSON)
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
  console.log(json ? JSON.stringify(diff, null, 2) : formatDiff(diff, before, after));
} catch (error) {
  console.error(`spec:diff failed: ${(error as Error).message}`);
  process.exit(1);
}
