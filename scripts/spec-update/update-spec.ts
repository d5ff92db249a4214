import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parse } from "yaml";
import { isUrl, readSpecSource } from "../spec/read-spec-source.ts";
import { sha256Hex } from "../spec/sha256-hex.ts";
import { readSpecLock } from "../spec/spec-lock.ts";
import { staleEntries } from "../spec-check/hand-kept-lists.ts";
import { diffSpecs } from "../spec-diff/diff-specs.ts";
import { formatDiff } from "../spec-diff/format-diff.ts";
import type { Impact } from "../spec-diff/impact.ts";
import { operationsOf } from "../spec-diff/schema-usage.ts";
import type { Spec, SpecDiff } from "../spec-diff/types.ts";
import type { TypecheckScope } from "./parse-args.ts";
import { releaseTypes, renderChangeset } from "./render-changeset.ts";
import { renderPullRequestBody } from "./render-pull-request-body.ts";
import { snapshotFiles } from "./snapshot-files.ts";

export interface TypeErrorEntry {
  package: string;
  file: string;
  line: number;
  message: string;
}

/** What the update touches and runs; the CLI passes the repository's, tests their own. */
export interface UpdateSpecContext {
  lockFile: string;
  /** The verified copy of the pinned spec (the diff's "before"). */
  rawSpecFile: string;
  changesetDir: string;
  /** Generated files and folders, restored with the pin when a step fails. */
  outputs: string[];
  generate(): Promise<unknown>;
  /** Type-checks the named packages, or all of them. */
  typecheck(packages?: string[]): Promise<TypeErrorEntry[]>;
  /** What the diff reaches in the checkout: methods, commands, models, docs; the bumps follow. */
  impact(diff: SpecDiff, before: Spec, after: Spec): Promise<Impact>;
  packageVersions: Record<string, string>;
  /** The operation ids each hand-kept file beside the pin names (spec-check's `handKeptLists`). */
  handKeptLists?(): Record<string, string[]>;
  log(line: string): void;
}

export interface UpdateSpecResult {
  status: "unchanged" | "updated" | "rolled-back";
  diff?: SpecDiff;
  impact?: Impact;
  broken: TypeErrorEntry[];
  /** Hand-kept entries naming an operation the new spec removed: for a person to delete. */
  stale?: string[];
  changesetFile?: string;
}

export class SpecUpdateError extends Error {
  override name = "SpecUpdateError";
  constructor(
    readonly step: string,
    cause: unknown,
  ) {
    super(
      `spec update failed at step "${step}": ${(cause as Error)?.message ?? cause}. The pin and the generated files are as they were.`,
      { cause },
    );
  }
}

export interface UpdateSpecOptions {
  /** Keep a spec the wrappers no longer compile against, to fix them in place. */
  keep?: boolean;
  /**
   * Where to write a pull request body (the pin, the bumps, type errors, the diff). Written
   * only when the update stays, so its presence tells a scheduled job there is something
   * to propose; removed otherwise.
   */
  summaryFile?: string;
  /** Default `all`; `hit`: only the wrappers (CLI, AI SDK) whose methods a change hits. */
  typecheck?: TypecheckScope;
}

/**
 * Takes a new spec: diff against the pinned one, re-pin, regenerate, type-check the
 * wrappers, write a changeset. Any failed step (or wrappers that no longer compile, unless
 * `keep`) puts the pin and every generated file back as they were.
 */
export async function updateSpec(
  source: string,
  ctx: UpdateSpecContext,
  options: UpdateSpecOptions = {},
): Promise<UpdateSpecResult> {
  if (options.summaryFile) rmSync(options.summaryFile, { force: true });
  let step = "read";
  const snapshot = snapshotFiles([ctx.lockFile, ctx.rawSpecFile, ...ctx.outputs]);
  try {
    const bytes = await readSpecSource(source);
    const sha256 = sha256Hex(bytes);
    const lock = readSpecLock(ctx.lockFile);
    if (sha256 === lock.sha256) {
      ctx.log(`the spec at ${source} is the pinned one (${sha256.slice(0, 12)}); nothing to do`);
      return { status: "unchanged", broken: [] };
    }

    step = "diff";
    if (!existsSync(ctx.rawSpecFile)) throw new Error(`${ctx.rawSpecFile} is missing: run \`pnpm generate\` first`);
    const before = parse(readFileSync(ctx.rawSpecFile, "utf8")) as Spec;
    const after = parse(new TextDecoder().decode(bytes)) as Spec;
    if (!after?.paths) throw new Error(`${source} is not an OpenAPI document`);
    const diff = diffSpecs(before, after);
    const impact = await ctx.impact(diff, before, after);
    const report = formatDiff(diff, before, after, impact);
    ctx.log(report);
    const stale = staleEntries(ctx.handKeptLists?.() ?? {}, new Set(operationsOf(after).keys()));
    if (stale.length) {
      ctx.log(`${stale.length} hand-kept entr${stale.length === 1 ? "y names" : "ies name"} a removed operation:`);
      for (const line of stale) ctx.log(`  ${line}`);
    }

    step = "pin";
    writeFileSync(ctx.rawSpecFile, bytes);
    const upstream = isUrl(source) ? source : lock.upstream;
    if (!isUrl(source))
      ctx.log(`note: ${source} is a local file; set "upstream" in the pin to the URL it was published at`);
    const today = new Date().toISOString().slice(0, 10);
    writeFileSync(ctx.lockFile, `${JSON.stringify({ ...lock, sha256, publishedAt: today, upstream }, null, 2)}\n`);

    step = "generate";
    await ctx.generate();

    step = "typecheck";
    const scope = options.typecheck ?? "all";
    // The client and the mock follow every spec; `hit` checks the code written on top of them.
    const hit = Object.keys(impact.packages)
      .filter((p) => !/\/(client|testing)$/.test(p))
      .sort();
    const checked = scope === "all" ? "every package" : scope === "none" || !hit.length ? "none" : hit.join(", ");
    if (checked !== "every package") ctx.log(`type-checked: ${checked}`);
    const broken = checked === "none" ? [] : await ctx.typecheck(scope === "all" ? undefined : hit);
    if (broken.length) {
      ctx.log(`${broken.length} type error(s) against the new spec:`);
      for (const e of broken) ctx.log(`  ${e.package} ${e.file}:${e.line} ${e.message}`);
      if (!options.keep) {
        snapshot.restore();
        ctx.log("rolled back: the pin and generated files are as they were (use --keep to fix the wrappers in place)");
        return { status: "rolled-back", diff, impact, broken, stale };
      }
    }

    step = "changeset";
    // A package is released only when a change hits one of its methods (commands, models).
    const bumps = releaseTypes(new Map(Object.entries(impact.packages)), ctx.packageVersions);
    mkdirSync(ctx.changesetDir, { recursive: true });
    const changesetFile = join(ctx.changesetDir, `spec-${sha256.slice(0, 8)}.md`);
    writeFileSync(changesetFile, renderChangeset(diff, bumps, sha256, report, impact));
    ctx.log(`wrote ${changesetFile}`);
    if (options.summaryFile) {
      const body = renderPullRequestBody({
        source,
        oldSha256: lock.sha256,
        newSha256: sha256,
        diff,
        impact,
        report,
        bumps,
        broken,
        stale,
        typechecked: checked,
        changesetFile: join(basename(ctx.changesetDir), basename(changesetFile)),
      });
      writeFileSync(options.summaryFile, body);
      ctx.log(`wrote ${options.summaryFile}`);
    }
    return { status: "updated", diff, impact, broken, stale, changesetFile };
  } catch (error) {
    snapshot.restore();
    throw new SpecUpdateError(step, error);
  }
}
