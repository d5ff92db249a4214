import type { Impact } from "../spec-diff/impact.ts";
import type { SpecDiff } from "../spec-diff/types.ts";
import { type ReleaseType, renderChangeSummary } from "./render-changeset.ts";
import type { TypeErrorEntry } from "./update-spec.ts";

export interface PullRequestBodyInput {
  source: string;
  oldSha256: string;
  newSha256: string;
  diff: SpecDiff;
  /** What each change reaches; the bumps follow from it. */
  impact?: Impact;
  report: string;
  bumps: Map<string, ReleaseType>;
  broken: TypeErrorEntry[];
  /** Hand-kept entries (spec/*.json) naming an operation the new spec removed. */
  stale?: string[];
  /** What was type-checked against the new spec: `every package` (the default), some, or `none`. */
  typechecked?: string;
  /** The changeset's path as the pull request shows it (`.changeset/spec-1a2b3c4d.md`). */
  changesetFile: string;
}

/** GitHub refuses a pull request body over 65,536 characters; the changeset keeps the whole diff. */
export const maxBodyChars = 60_000;
/** The rest are one `pnpm typecheck` away on the branch. */
export const maxListedTypeErrors = 30;

/** Keeps the whole lines of `text` that fit, with the note, in `max` characters. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  // Room for the note saying how much was left out.
  const cut = text.lastIndexOf("\n", max - 100);
  const kept = text.slice(0, Math.max(cut + 1, 0));
  return `${kept}… ${text.length - kept.length} more characters: the changeset holds the whole diff`;
}

/** What a package's release follows from, in one table cell. */
function hitsOf(name: string, impact: Impact | undefined): string {
  const p = impact?.packages[name];
  if (!p) return "";
  if (name.endsWith("/client")) return "every operation's types";
  if (name.endsWith("/testing")) return "the mock's spec";
  const how = p.breaking ? "breaking: " : "";
  const shown = p.hits.length > 8 ? [...p.hits.slice(0, 8), `+${p.hits.length - 8} more`] : p.hits;
  return how + shown.map((h) => `\`${h}\``).join(", ");
}

/** The body of the pull request that proposes a new spec (`pnpm spec:update --summary <file>`). */
export function renderPullRequestBody(input: PullRequestBodyInput): string {
  const head = [
    `Takes the Friendli OpenAPI spec from ${input.source}.`,
    "",
    `Pin: \`${input.oldSha256.slice(0, 12)}\` → \`${input.newSha256.slice(0, 12)}\` in \`spec/spec-lock.json\`; ` +
      `changeset: \`${input.changesetFile}\`.`,
    "",
    "| package | release | hit |",
    "| --- | --- | --- |",
    ...[...input.bumps]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, type]) => `| \`${name}\` | ${type} | ${hitsOf(name, input.impact)} |`),
    "",
  ];
  if (input.impact?.notHit.length)
    head.push(
      `Not released (none of their methods is hit): ${input.impact.notHit.map((n) => `\`${n}\``).join(", ")}.`,
      "",
    );
  if (input.typechecked && input.typechecked !== "every package")
    head.push(`Type-checked against the new spec: ${input.typechecked} (CI checks every package).`, "");
  if (input.stale?.length)
    head.push(
      `**${input.stale.length} hand-kept entr${input.stale.length === 1 ? "y names" : "ies name"} a removed operation.** ` +
        "Delete each on this branch (`pnpm spec:check` fails until then):",
      "",
      ...input.stale.map((line) => `- ${line}`),
      "",
    );
  if (input.broken.length) {
    const listed = input.broken.slice(0, maxListedTypeErrors);
    head.push(
      `**${input.broken.length} type error(s) against the new spec.** Fix the wrappers on this branch before merging:`,
      "",
      ...listed.map((e) => `- \`${e.package}\` ${e.file}:${e.line} ${e.message}`),
      ...(input.broken.length > listed.length ? [`- … and ${input.broken.length - listed.length} more`] : []),
      "",
    );
  }
  const render = (report: string) =>
    [...head, ...renderChangeSummary(input.diff, input.newSha256, report, input.impact)].join("\n");
  // The diff gets what room the rest leaves; a body still too long (a huge list of breaking
  // changes) is cut as a whole.
  const body = render(clip(input.report, Math.max(maxBodyChars - render("").length, 0)));
  return clip(body, maxBodyChars);
}
