import { type Impact, impactOf } from "./impact.ts";
import { loadMethodTables } from "./method-tables.ts";
import type { Spec, SpecDiff } from "./types.ts";
import { findUsageSites } from "./usage-sites.ts";

/** The impact of a diff on the packages, CLI, models, examples and READMEs of the checkout at `root`. */
export async function impactOfCheckout(root: string, diff: SpecDiff, before: Spec, after: Spec): Promise<Impact> {
  const tables = await loadMethodTables(root);
  return impactOf(diff, before, after, tables, findUsageSites(root, tables));
}

/** The JSON of `spec:diff --json`: the diff, each change with what it reaches, and the packages hit. */
export function diffWithImpact(diff: SpecDiff, impact: Impact) {
  return {
    ...diff,
    changes: diff.changes.map((change, i) => ({ ...change, impact: impact.changes[i] })),
    packages: impact.packages,
    notHit: impact.notHit,
  };
}
