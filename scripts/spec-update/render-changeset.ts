import type { ChangeImpact, Impact } from "../spec-diff/impact.ts";
import type { SpecDiff } from "../spec-diff/types.ts";

export type ReleaseType = "major" | "minor" | "patch";

/**
 * The release type for each package the new spec touches. While a package is 0.x, a
 * breaking change bumps the minor version and anything else the patch (semver's rule for
 * 0.x); from 1.0 on, breaking is major and additions are minor.
 */
export function releaseTypes(
  packages: Map<string, { breaking: boolean; additive: boolean }>,
  versions: Record<string, string>,
): Map<string, ReleaseType> {
  const out = new Map<string, ReleaseType>();
  for (const [name, { breaking, additive }] of packages) {
    const zero = (versions[name] ?? "0.0.0").startsWith("0.");
    out.set(name, breaking ? (zero ? "minor" : "major") : additive && !zero ? "minor" : "patch");
  }
  return out;
}

/**
 * What a new spec changes, for people: counts, each breaking change, and the full diff
 * report folded away. The changeset's summary and the pull request body share it.
 */
export function renderChangeSummary(diff: SpecDiff, sha256: string, report: string, impact?: Impact): string[] {
  const breaking = diff.changes.filter((c) => c.breaking);
  const reach = (i: number) => {
    const hit = impact?.changes[i] as ChangeImpact | undefined;
    const what = hit ? [...hit.methods, ...hit.commands, ...hit.models.map((m) => `ai-sdk ${m}`)] : [];
    if (!what.length) return "";
    const shown = what.length > 6 ? [...what.slice(0, 6), `+${what.length - 6} more`] : what;
    return ` (${shown.map((w) => `\`${w}\``).join(", ")})`;
  };
  const lines = [
    `Regenerated from the Friendli OpenAPI spec ${sha256.slice(0, 12)}: ` +
      `${diff.operations.added.length} operation(s) added, ${diff.operations.removed.length} removed, ` +
      `${diff.operations.changed.length} changed; ${breaking.length} breaking change(s).`,
    "",
  ];
  if (breaking.length) {
    lines.push(
      "Breaking:",
      "",
      ...diff.changes.flatMap((c, i) =>
        // A schema change's path starts with the schema's name already.
        c.breaking ? [`- ${c.operationId ? `${c.operationId} ` : ""}${c.path}: ${c.message}${reach(i)}`] : [],
      ),
      "",
    );
  }
  lines.push("<details><summary>Full API diff</summary>", "", "```", report, "```", "", "</details>", "");
  return lines;
}

/** A changeset file: front matter of package bumps, then a readable summary of the API change. */
export function renderChangeset(
  diff: SpecDiff,
  bumps: Map<string, ReleaseType>,
  sha256: string,
  report: string,
  impact?: Impact,
): string {
  const front = [...bumps].sort(([a], [b]) => a.localeCompare(b)).map(([name, type]) => `"${name}": ${type}`);
  return ["---", ...front, "---", "", ...renderChangeSummary(diff, sha256, report, impact)].join("\n");
}
