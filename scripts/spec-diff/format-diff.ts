import { packageOfTag } from "../spec/package-of-tag.ts";
import type { ChangeImpact, Impact } from "./impact.ts";
import { operationsOf, schemaUsage } from "./schema-usage.ts";
import type { Change, Spec, SpecDiff } from "./types.ts";

/** The packages a change concerns: its operation's, or those of the operations using its schema. */
export function packagesOf(change: Change, before: Spec, after: Spec): string[] {
  const ops = new Map([...operationsOf(before), ...operationsOf(after)]);
  if (change.operationId) return [packageOfTag(ops.get(change.operationId)?.tag ?? "")];
  const users = new Set([
    ...(schemaUsage(before).get(change.schema ?? "")?.operations ?? []),
    ...(schemaUsage(after).get(change.schema ?? "")?.operations ?? []),
  ]);
  const packages = new Set([...users].map((id) => packageOfTag(ops.get(id)?.tag ?? "")));
  return packages.size ? [...packages].sort() : ["@friendli-ts/client"];
}

const mark = (c: Change) => (c.breaking ? "!" : c.kind.endsWith("added") || c.kind === "enum-widened" ? "+" : "~");

/** At most `max` items of a list, then how many more. */
function some(items: string[], max: number): string {
  return items.length > max ? `${items.slice(0, max).join(", ")}, +${items.length - max} more` : items.join(", ");
}

/** The lines saying what a change reaches: methods, commands, models, usage sites. */
export function impactLines(impact: ChangeImpact, indent = "      "): string[] {
  const lines: string[] = [];
  if (impact.methods.length) lines.push(`methods: ${some(impact.methods, 8)}`);
  if (impact.unwrapped.length) lines.push(`no wrapper method (low-level client only): ${some(impact.unwrapped, 4)}`);
  if (!impact.operations.length) lines.push("no operation uses it (an exported type only)");
  if (impact.commands.length) lines.push(`cli: ${some(impact.commands, 8)}`);
  if (impact.models.length) lines.push(`ai-sdk: ${impact.models.join(", ")}`);
  if (impact.usedIn.length) lines.push(`used in: ${some(impact.usedIn, 6)}`);
  return lines.map((l) => `${indent}-> ${l}`);
}

/** Each package's hits, for the end of the report and the pull request. */
export function formatPackageImpact(impact: Impact): string[] {
  const names = [...Object.keys(impact.packages), ...impact.notHit].sort();
  return names.map((name) => {
    const p = impact.packages[name];
    if (!p) return `  ${name}: not hit, not released`;
    const how = p.breaking ? "breaking" : p.additive ? "additive" : "changed";
    const what = name.endsWith("/client")
      ? "every operation's types"
      : name.endsWith("/testing")
        ? "the mock's spec"
        : some(p.hits, 10);
    return `  ${name} (${how}): ${what}`;
  });
}

/**
 * A short report grouped by package; `!` marks a breaking change. With the impact, each run
 * of changes that reach the same things is followed by what they reach, and the report ends
 * with the packages hit.
 */
export function formatDiff(diff: SpecDiff, before: Spec, after: Spec, impact?: Impact): string {
  const { operations: o, schemas: s } = diff;
  const lines = [
    `operations: ${o.added.length} added, ${o.removed.length} removed, ${o.changed.length} changed; ` +
      `schemas: ${s.added.length} added, ${s.removed.length} removed; ` +
      `${diff.changes.filter((c) => c.breaking).length} breaking change(s); bump: ${diff.bump}`,
  ];
  const byPackage = new Map<string, number[]>();
  diff.changes.forEach((change, i) => {
    for (const pkg of packagesOf(change, before, after)) byPackage.set(pkg, [...(byPackage.get(pkg) ?? []), i]);
  });
  for (const pkg of [...byPackage.keys()].sort()) {
    lines.push("", pkg);
    const indexes = (byPackage.get(pkg) ?? []).sort(
      (a, b) => Number(diff.changes[b]?.breaking) - Number(diff.changes[a]?.breaking),
    );
    // New schemas are many and say little on their own: one line for all of them.
    const newSchemas = indexes
      .filter((i) => diff.changes[i]?.kind === "schema-added")
      .map((i) => diff.changes[i]?.schema);
    indexes.forEach((i, n) => {
      const c = diff.changes[i] as Change;
      if (c.kind === "schema-added") return;
      const line =
        c.kind.startsWith("operation") || c.kind.startsWith("schema")
          ? `${c.operationId ?? ""}${c.operationId ? " " : ""}${c.message}`
          : `${c.operationId ? `${c.operationId} ` : ""}${c.path}: ${c.message}`;
      lines.push(`  ${mark(c)} ${line}`);
      if (!impact) return;
      // Changes next to each other that reach the same things share one impact block.
      const pending = impactLines(impact.changes[i] as ChangeImpact);
      const next = indexes.slice(n + 1).find((j) => diff.changes[j]?.kind !== "schema-added");
      const same = next !== undefined && impactLines(impact.changes[next] as ChangeImpact).join() === pending.join();
      if (!same) lines.push(...pending);
    });
    if (newSchemas.length) {
      const shown = newSchemas.slice(0, 6).join(", ");
      lines.push(`  + ${newSchemas.length} schema(s) added: ${shown}${newSchemas.length > 6 ? ", ..." : ""}`);
    }
  }
  if (impact) lines.push("", "impact by package:", ...formatPackageImpact(impact));
  return lines.join("\n");
}
