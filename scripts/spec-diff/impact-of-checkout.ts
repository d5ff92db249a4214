import { findUsageSites, type OperationsByRoute } from "./find-usage-sites.ts";
import { type Impact, impactOf } from "./impact.ts";
import { loadMethodTables } from "./method-tables.ts";
import { operationsOf } from "./schema-usage.ts";
import type { Spec, SpecDiff } from "./types.ts";

/** How the low-level client names each operation of either spec: method and path. */
function routesOf(...specs: Spec[]): OperationsByRoute {
  const routes: OperationsByRoute = new Map();
  const add = (key: string, id: string) => routes.set(key, [...new Set([...(routes.get(key) ?? []), id])]);
  for (const spec of specs)
    for (const op of operationsOf(spec).values()) {
      add(`${op.method.toUpperCase()} ${op.path}`, op.operationId);
      add(`stream ${op.path}`, op.operationId);
    }
  return routes;
}

/** The impact of a diff on the packages, CLI, models, examples and READMEs of the checkout at `root`. */
export async function impactOfCheckout(root: string, diff: SpecDiff, before: Spec, after: Spec): Promise<Impact> {
  const tables = await loadMethodTables(root);
  return impactOf(diff, before, after, tables, findUsageSites(root, tables, routesOf(before, after)));
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
