import { packageOfTag } from "../spec/package-of-tag.ts";
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

/** A short report grouped by package; `!` marks a breaking change. */
export function formatDiff(diff: SpecDiff, before: Spec, after: Spec): string {
  const { operations: o, schemas: s } = diff;
  const lines = [
    `operations: ${o.added.length} added, ${o.removed.length} removed, ${o.changed.length} changed; ` +
      `schemas: ${s.added.length} added, ${s.removed.length} removed; ` +
      `${diff.changes.filter((c) => c.breaking).length} breaking change(s); bump: ${diff.bump}`,
  ];
  const byPackage = new Map<string, Change[]>();
  for (const change of diff.changes) {
    for (const pkg of packagesOf(change, before, after)) byPackage.set(pkg, [...(byPackage.get(pkg) ?? []), change]);
  }
  for (const pkg of [...byPackage.keys()].sort()) {
    lines.push("", pkg);
    const changes = (byPackage.get(pkg) ?? []).sort((a, b) => Number(b.breaking) - Number(a.breaking));
    // New schemas are many and say little on their own: one line for all of them.
    const newSchemas = changes.filter((c) => c.kind === "schema-added").map((c) => c.schema);
    for (const c of changes) {
      if (c.kind === "schema-added") continue;
      const line =
        c.kind.startsWith("operation") || c.kind.startsWith("schema")
          ? `${c.operationId ?? ""}${c.operationId ? " " : ""}${c.message}`
          : `${c.operationId ? `${c.operationId} ` : ""}${c.path}: ${c.message}`;
      lines.push(`  ${mark(c)} ${line}`);
    }
    if (newSchemas.length) {
      const shown = newSchemas.slice(0, 6).join(", ");
      lines.push(`  + ${newSchemas.length} schema(s) added: ${shown}${newSchemas.length > 6 ? ", ..." : ""}`);
    }
  }
  return lines.join("\n");
}
