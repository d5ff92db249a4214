import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { repoRoot } from "../spec/paths.ts";
import { sha256Hex } from "../spec/sha256-hex.ts";
import { runStep, scratchClone } from "./scratch-clone.ts";

// A maintainer's weeks, replayed: a scratch clone starts pinned to the oldest spec of the
// upstream history the project holds, then takes each later one and the pin through
// `pnpm spec:update` as the weekly workflow runs it, commits what the workflow's pull request
// would hold on its branch, and merges it. A last week takes the pin with an operation a
// wrapper calls removed: the wrappers break and the pull request must say where (and which
// hand-kept entry names a removed operation).
// Cost: about a minute on two quiet cores (codegen each week; the type-check runs once, at the
// breaking week, on the packages it hits; the history weeks skip it).

const shared = resolve(repoRoot, "../shared/spec");
const historyDir = join(shared, "history");
const available = existsSync(join(shared, "friendli-openapi.yaml")) && existsSync(historyDir);
const stepLimitMs = 300_000;

/** The weekly workflow's spec:update flags, pull request branch and the paths it commits. */
function readWorkflow() {
  type Step = { run?: string; uses?: string; with?: Record<string, string> };
  const workflow = parse(readFileSync(join(repoRoot, ".github/workflows/spec-update.yml"), "utf8")) as {
    jobs: Record<string, { steps: Step[] }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const update = steps.find((s) => s.run?.includes("spec:update"))?.run ?? "";
  const pr = steps.find((s) => s.uses?.startsWith("peter-evans/create-pull-request"))?.with ?? {};
  return {
    keep: /--keep\b/.test(update),
    branch: pr.branch as string,
    addPaths: (pr["add-paths"] ?? "")
      .split("\n")
      .map((p) => p.trim())
      .filter(Boolean),
  };
}

const versions: Record<string, string> = Object.fromEntries(
  readdirSync(join(repoRoot, "packages")).map((dir) => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "packages", dir, "package.json"), "utf8"));
    return [pkg.name, pkg.version];
  }),
);
/** How the changeset renderer releases a breaking change: minor while 0.x, major after. */
const breakingRelease = (name: string) => ((versions[name] ?? "0.0.0").startsWith("0.") ? "minor" : "major");

const frontMatter = (changeset: string) =>
  Object.fromEntries(
    [...(/^---\n([\s\S]*?)\n---/.exec(changeset)?.[1] ?? "").matchAll(/^"([^"]+)": (\w+)$/gm)].map((m) => [m[1], m[2]]),
  );
const releaseTable = (body: string) =>
  Object.fromEntries([...body.matchAll(/^\| `([^`]+)` \| (\w+) \|/gm)].map((m) => [m[1], m[2]]));

interface Week {
  label: string;
  source: string;
  typecheck: "none" | "hit";
  body: string;
  changeset: string;
  branchFiles: string[];
  leftOver: string;
}

describe.skipIf(!available)("a maintainer's weeks of spec updates, replayed", () => {
  let dir: string;
  let repo: string;
  const weeks: Week[] = [];
  const workflow = readWorkflow();
  const history = available
    ? readdirSync(historyDir)
        .filter((f) => f.endsWith(".yaml"))
        .sort()
        .map((f) => join(historyDir, f))
    : [];
  const pinned = join(shared, "friendli-openapi.yaml");
  // The wrapped operation the last week removes, and the method that calls it; and a stream
  // the same package wraps, which spec/stream-rules.json still names.
  const dropped = "dedicatedTextClassification";
  const droppedStream = "containerMessagesStream";

  async function takeWeek(label: string, source: string, typecheck: Week["typecheck"]) {
    const git = (...args: string[]) => runStep("git", args, { cwd: repo, timeoutMs: 60_000 });
    await git("checkout", "--quiet", "-B", workflow.branch, "main");
    const summary = join(dir, `week-${weeks.length + 1}.md`);
    const args = ["-s", "spec:update", "--source", source, "--summary", summary, "--typecheck", typecheck];
    const run = await runStep("pnpm", workflow.keep ? [...args, "--keep"] : args, {
      cwd: repo,
      timeoutMs: stepLimitMs,
    });
    expect(run.code, run.output.slice(-3000)).toBe(0);
    const body = readFileSync(summary, "utf8");
    const changesetPath = /changeset: `([^`]+)`/.exec(body)?.[1] as string;
    const changeset = readFileSync(join(repo, changesetPath), "utf8");
    await git("add", "--", ...workflow.addPaths);
    await git("commit", "--quiet", "-m", `Spec: take ${label}`);
    const branchFiles = (await git("diff", "--name-only", "main", workflow.branch)).output.split("\n").filter(Boolean);
    const leftOver = (await git("status", "--porcelain")).output;
    await git("checkout", "--quiet", "main");
    await git("merge", "--quiet", "--ff-only", workflow.branch);
    weeks.push({ label, source, typecheck, body, changeset, branchFiles, leftOver });
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "impact-replay-"));
    repo = await scratchClone(repoRoot, dir);
    // The checkout's generated client (git-ignored, so not cloned): the impact step imports
    // the wrappers' method tables, and the wrappers import it.
    for (const generated of ["packages/client/src/generated", "packages/testing/src/generated"])
      cpSync(join(repoRoot, generated), join(repo, generated), { recursive: true });
    // The start: pinned to the oldest published spec, as the project was before the history.
    const [oldest, ...later] = history as [string, ...string[]];
    const lockFile = join(repo, "spec/spec-lock.json");
    const lock = JSON.parse(readFileSync(lockFile, "utf8"));
    writeFileSync(lockFile, `${JSON.stringify({ ...lock, sha256: sha256Hex(readFileSync(oldest)) }, null, 2)}\n`);
    mkdirSync(join(repo, ".spec"), { recursive: true });
    writeFileSync(join(repo, ".spec/friendli-openapi.yaml"), readFileSync(oldest));
    await runStep("git", ["commit", "--quiet", "-am", "start from the oldest spec"], { cwd: repo, timeoutMs: 60_000 });

    for (const file of [...later, pinned]) await takeWeek(file.slice(shared.length + 1), file, "none");
    const spec = parse(readFileSync(pinned, "utf8")) as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    for (const item of Object.values(spec.paths))
      for (const [method, op] of Object.entries(item))
        if (op?.operationId === dropped || op?.operationId === droppedStream) delete item[method];
    const breaking = join(dir, `without-${dropped}.yaml`);
    writeFileSync(breaking, stringify(spec));
    await takeWeek(`the pin without ${dropped}`, breaking, "hit");
  }, 4 * stepLimitMs);

  // Removes links into the checkout's install, never what they point to. A scratch clone can
  // take minutes to delete on a busy disk: a detached `rm -rf` does it after the test.
  afterAll(() => {
    if (dir) spawn("rm", ["-rf", dir], { detached: true, stdio: "ignore" }).unref();
  });

  it("each week's branch holds the new pin and its changeset, nothing else; the body and changeset agree", () => {
    expect(weeks).toHaveLength(history.length + 1);
    for (const week of weeks) {
      const sha = sha256Hex(readFileSync(week.source));
      expect(week.branchFiles, week.label).toEqual([`.changeset/spec-${sha.slice(0, 8)}.md`, "spec/spec-lock.json"]);
      expect(week.leftOver, `${week.label}: changed beside what the pull request commits`).toBe("");
      expect(week.body).toContain(`→ \`${sha.slice(0, 12)}\``);
      expect(releaseTable(week.body), week.label).toEqual(frontMatter(week.changeset));
    }
  });

  it("the history's step to the pin: releases follow the methods hit, and the body names them", () => {
    const week = weeks[history.length - 1] as Week;
    expect(frontMatter(week.changeset)).toEqual({
      // The provider streams tool-assisted chat, whose token event gains a required field.
      "@friendli-ts/ai-sdk": "patch",
      "@friendli-ts/cli": breakingRelease("@friendli-ts/cli"),
      "@friendli-ts/client": breakingRelease("@friendli-ts/client"),
      "@friendli-ts/endpoints": breakingRelease("@friendli-ts/endpoints"),
      "@friendli-ts/inference": breakingRelease("@friendli-ts/inference"),
      "@friendli-ts/testing": "patch",
    });
    expect(week.body).toContain("Not released (none of their methods is hit): `@friendli-ts/datasets`.");
    expect(week.body).toContain("- CostResult.total: type number -> string (`endpoints.cost.get`, `friendli cost`)");
    expect(week.body).toContain("- PricingModel.input: type number -> string (`inference.serverless.models.list`)");
    expect(week.body).toMatch(
      /\| `@friendli-ts\/cli` \| \w+ \| breaking: `friendli cost`, `friendli endpoints get`, `friendli usage` \|/,
    );
    expect(week.body).toContain("Type-checked against the new spec: none");
    expect(week.body).not.toContain("type error(s)");
  });

  it("the week that removes a wrapped operation: only its package is released, and its type errors are listed", () => {
    const week = weeks.at(-1) as Week;
    expect(frontMatter(week.changeset)).toEqual({
      "@friendli-ts/client": breakingRelease("@friendli-ts/client"),
      "@friendli-ts/inference": breakingRelease("@friendli-ts/inference"),
      "@friendli-ts/testing": "patch",
    });
    expect(week.body).toMatch(
      /^- dedicatedTextClassification \/dedicated\/classify: POST \/dedicated\/classify removed \(`inference\.dedicated\.classification\.classify`\)$/m,
    );
    // The stale stream rule stops nothing: the update finishes and asks for the entry's removal.
    expect(week.body).toContain(
      `**1 hand-kept entry names a removed operation.** Delete each on this branch (\`pnpm spec:check\` fails until then):\n\n- spec/stream-rules.json lists ${droppedStream}, which is not in the spec\n`,
    );
    expect(week.body).toContain("Type-checked against the new spec: @friendli-ts/inference (CI checks every package).");
    expect(week.body).toMatch(/\*\*\d+ type error\(s\) against the new spec\.\*\*/);
    expect(week.body).toMatch(
      /^- `@friendli-ts\/inference` src\/families\/classification\.ts:\d+ .*'dedicatedTextClassification'/m,
    );
  });
});
