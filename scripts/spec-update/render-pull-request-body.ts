import type { SpecDiff } from "../spec-diff/types.ts";
import { type ReleaseType, renderChangeSummary } from "./render-changeset.ts";
import type { TypeErrorEntry } from "./update-spec.ts";

export interface PullRequestBodyInput {
  source: string;
  oldSha256: string;
  newSha256: string;
  diff: SpecDiff;
  report: string;
  bumps: Map<string, ReleaseType>;
  broken: TypeErrorEntry[];
  /** The changeset's path as the pull request shows it (`.changeset/spec-1a2b3c4d.md`). */
  changesetFile: string;
}

/** GitHub refuses a pull request body over 65,536 characters; the changeset keeps the whole diff. */
export const maxReportChars = 50_000;

function clip(report: string): string {
  if (report.length <= maxReportChars) return report;
  // Cut after the last whole line that fits.
  const cut = report.lastIndexOf("\n", maxReportChars - 1);
  const kept = report.slice(0, cut >= 0 ? cut + 1 : maxReportChars);
  return `${kept}… ${report.length - kept.length} more characters: the changeset holds the whole diff`;
}

/** The body of the pull request that proposes a new spec (`pnpm spec:update --summary <file>`). */
export function renderPullRequestBody(input: PullRequestBodyInput): string {
  const lines = [
    `Takes the Friendli OpenAPI spec from ${input.source}.`,
    "",
    `Pin: \`${input.oldSha256.slice(0, 12)}\` → \`${input.newSha256.slice(0, 12)}\` in \`spec/spec-lock.json\`; ` +
      `changeset: \`${input.changesetFile}\`.`,
    "",
    "| package | release |",
    "| --- | --- |",
    ...[...input.bumps].sort(([a], [b]) => a.localeCompare(b)).map(([name, type]) => `| \`${name}\` | ${type} |`),
    "",
  ];
  if (input.broken.length) {
    lines.push(
      `**${input.broken.length} type error(s) against the new spec.** Fix the wrappers on this branch before merging:`,
      "",
      ...input.broken.map((e) => `- \`${e.package}\` ${e.file}:${e.line} ${e.message}`),
      "",
    );
  }
  lines.push(...renderChangeSummary(input.diff, input.newSha256, clip(input.report)));
  return lines.join("\n");
}
