import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseCompareArgs } from "../../bench/src/compare/parse-compare-args.ts";
import { repoRoot } from "../spec/paths.ts";
import { parseSpecUpdateArgs } from "../spec-update/parse-args.ts";

// The workflows cannot run here, so their essentials are checked as data: triggers,
// permissions, pinned actions, Node 20, pnpm from npm, and every command they run.
interface Step {
  name?: string;
  uses?: string;
  run?: string;
  id?: string;
  if?: string;
  with?: Record<string, string | number>;
  env?: Record<string, string | boolean>;
}
interface Job {
  "runs-on"?: string;
  container?: string | { image: string };
  uses?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const dir = join(repoRoot, ".github/workflows");
const files = readdirSync(dir).filter((f) => f.endsWith(".yml"));
const load = (file: string) => parse(readFileSync(join(dir, file), "utf8")) as Workflow;
const rootScripts = (
  JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }
).scripts;
const pnpmBuiltins = new Set(["install"]);

/** Every shell command a step hands over: `run`, and the commands changesets/action runs. */
const commandsOf = (step: Step) =>
  [step.run, step.uses?.startsWith("changesets/action@") ? step.with?.version : undefined, step.with?.publish].filter(
    (c): c is string => typeof c === "string",
  );
const stepsOf = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
/** Words of a command as the shell splits them, quotes removed (enough for these one-liners). */
const words = (command: string) =>
  (command.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((w) => w.replace(/^["']|["']$/g, ""));

describe("workflows", () => {
  it("are the three the release process needs, and the bench comparison of pull requests", () => {
    expect(files.sort()).toEqual(["bench.yml", "ci.yml", "release.yml", "spec-update.yml"]);
  });

  describe.each(files)("%s", (file) => {
    const workflow = load(file);

    it("is named, has triggers and reads the repository only unless a job asks for more", () => {
      expect(workflow.name).toBeTruthy();
      expect(Object.keys(workflow.on).length).toBeGreaterThan(0);
      expect(workflow.permissions).toEqual({ contents: "read" });
    });

    it("pins every action to a major version", () => {
      for (const step of stepsOf(workflow).filter((s) => s.uses)) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
      for (const job of Object.values(workflow.jobs).filter((j) => j.uses)) {
        expect(job.uses).toMatch(/^\.\/\.github\/workflows\/[\w-]+\.yml$/);
        expect(existsSync(join(repoRoot, job.uses as string)), job.uses).toBe(true);
      }
    });

    it("runs every job that has steps on Node 20, with pnpm 10 from npm before any pnpm command", () => {
      for (const [name, job] of Object.entries(workflow.jobs).filter(([, j]) => j.steps)) {
        const steps = job.steps as Step[];
        const image = typeof job.container === "string" ? job.container : job.container?.image;
        const setupNode = steps.find((s) => s.uses?.startsWith("actions/setup-node@"));
        expect(image?.startsWith("node:20") || String(setupNode?.with?.["node-version"]) === "20", name).toBe(true);
        expect(steps[0]?.uses, `${name} checks out the repository first`).toMatch(/^actions\/checkout@/);
        const firstPnpm = steps.findIndex((s) => commandsOf(s).some((c) => /\bpnpm\s/.test(c)));
        if (firstPnpm >= 0) {
          const installs = steps.findIndex((s) => s.run === "npm install -g pnpm@10");
          expect(installs, `${name} installs pnpm@10 with npm`).toBeGreaterThanOrEqual(0);
          expect(installs).toBeLessThan(firstPnpm);
        }
        expect(steps.some((s) => commandsOf(s).some((c) => c.includes("corepack")))).toBe(false);
      }
    });

    it("runs only root package.json scripts and files that exist", () => {
      for (const command of stepsOf(workflow).flatMap(commandsOf)) {
        for (const [, script] of command.matchAll(/\bpnpm\s+(?:--?[\w-]+\s+)*([\w:-]+)/g)) {
          expect(pnpmBuiltins.has(script as string) || (script as string) in rootScripts, `pnpm ${script}`).toBe(true);
        }
        for (const [, path] of command.matchAll(/\bbash\s+(\S+)/g)) {
          expect(existsSync(join(repoRoot, path as string)), path).toBe(true);
        }
      }
    });
  });

  it("ci runs .ci/run for pull requests, pushes, and when the release workflow calls it", () => {
    const ci = load("ci.yml");
    expect(Object.keys(ci.on).sort()).toEqual(["pull_request", "push", "workflow_call"]);
    expect(stepsOf(ci).map((s) => s.run)).toContain("bash .ci/run");
  });

  describe("release", () => {
    const release = load("release.yml");
    const job = release.jobs.release as Job;
    const action = job.steps?.find((s) => s.uses?.startsWith("changesets/action@")) as Step;

    it("runs on main after the whole CI has passed", () => {
      expect(release.on).toEqual({ push: { branches: ["main"] } });
      expect(release.jobs.test?.uses).toBe("./.github/workflows/ci.yml");
      expect(job.needs).toBe("test");
    });

    it("may push the version branch, open its pull request and sign provenance, nothing more", () => {
      expect(job.permissions).toEqual({ contents: "write", "pull-requests": "write", "id-token": "write" });
    });

    it("versions with changeset version, then publishes with provenance after building the packages", () => {
      expect(action.with?.version).toBe("pnpm changeset version");
      expect(action.with?.publish).toBe("pnpm release");
      // The script registry-release.test.ts runs against a local registry.
      expect(rootScripts.release).toBe("tsx scripts/release/release.ts");
      expect(action.env?.NPM_CONFIG_PROVENANCE).toBe(true);
      expect(action.env?.NPM_TOKEN).toMatch(/^\$\{\{ secrets\.NPM_TOKEN \}\}$/);
      expect(action.env?.GITHUB_TOKEN).toMatch(/secrets\.GITHUB_TOKEN/);
    });
  });

  describe("spec update", () => {
    const update = load("spec-update.yml");
    const job = update.jobs.update as Job;
    const steps = job.steps as Step[];
    const command = steps.map((s) => s.run ?? "").find((run) => run.startsWith("pnpm spec:update")) as string;
    const pullRequest = steps.find((s) => s.uses?.startsWith("peter-evans/create-pull-request@")) as Step;

    it("runs weekly and by hand", () => {
      const schedule = update.on.schedule as { cron: string }[];
      expect(schedule).toHaveLength(1);
      expect(schedule[0]?.cron.split(" ")).toHaveLength(5);
      expect(update.on).toHaveProperty("workflow_dispatch");
    });

    it("may push its branch and open its pull request, nothing more", () => {
      expect(job.permissions).toEqual({ contents: "write", "pull-requests": "write" });
    });

    it("calls spec:update with arguments it accepts: a commit-pinned source, --keep and a summary file", () => {
      const args = parseSpecUpdateArgs(words(command).slice(2));
      expect(args.source).toBe("https://raw.githubusercontent.com/friendliai/friendli-openapi/$SHA/openapi.yaml");
      expect(args.keep).toBe(true);
      expect(args.summary).toBe("$RUNNER_TEMP/spec-update.md");
    });

    it("opens the pull request only when a summary was written, with it as the body", () => {
      const check = steps.find((s) => s.id === "changed") as Step;
      expect(check.run).toContain('[ -f "$RUNNER_TEMP/spec-update.md" ]');
      expect(pullRequest.if).toBe("steps.changed.outputs.changed == 'true'");
      expect(pullRequest.with?.["body-path"]).toMatch(/^\$\{\{ runner\.temp \}\}\/spec-update\.md$/);
    });

    it("commits the pin and the spec changeset only (the spec and generated code stay out of git)", () => {
      const paths = String(pullRequest.with?.["add-paths"]).trim().split("\n");
      expect(paths).toEqual(["spec/spec-lock.json", ".changeset/spec-*.md"]);
      expect(existsSync(join(repoRoot, paths[0] as string))).toBe(true);
    });
  });

  describe("bench", () => {
    const bench = load("bench.yml");
    const job = bench.jobs.compare as Job;
    const steps = job.steps as Step[];
    const command = steps.map((s) => s.run ?? "").find((run) => run.includes("pnpm bench:compare")) as string;
    const post = steps.find((s) => s.uses?.startsWith("actions/github-script@")) as Step;

    it("runs on pull requests, with the history to build the base branch", () => {
      expect(Object.keys(bench.on)).toEqual(["pull_request"]);
      expect(steps[0]?.with?.["fetch-depth"]).toBe(0);
    });

    it("may comment on the pull request, nothing more", () => {
      expect(job.permissions).toEqual({ contents: "read", "pull-requests": "write" });
    });

    it("compares with the base branch on Node 24, in arguments bench:compare accepts, writing the table to a file", () => {
      const [node, onNode, major, pnpm, script, ...rest] = words(command);
      expect([node, onNode, major, pnpm, script]).toEqual([
        "node",
        "scripts/ci/on-node.mjs",
        "24",
        "pnpm",
        "bench:compare",
      ]);
      const args = parseCompareArgs(rest);
      expect(args.ref).toBe("origin/$BASE_REF");
      expect(args.out).toBe("$RUNNER_TEMP/bench-compare.md");
      expect(steps.find((s) => s.run === command)?.env?.BASE_REF).toMatch(/^\$\{\{ github\.base_ref \}\}$/);
    });

    it("posts that file, except from a fork (read-only token), and shows it in the job summary either way", () => {
      expect(post.with?.script).toMatch(/`\$\{process\.env\.RUNNER_TEMP\}\/bench-compare\.md`/);
      expect(post.if).toBe("github.event.pull_request.head.repo.full_name == github.repository");
      expect(steps.map((s) => s.run)).toContain('cat "$RUNNER_TEMP/bench-compare.md" >> "$GITHUB_STEP_SUMMARY"');
    });
  });
});
