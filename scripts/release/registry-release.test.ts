import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalRelease, plannedReleases, startLocalRelease, toolEnv } from "./local-release.ts";
import { releaseCacheDir } from "./release-tools.ts";
import { killGroup, runStep } from "./run-step.ts";

/*
 * A release that runs: Verdaccio on 127.0.0.1 stands in for npm. On a copy of the repository
 * (the built packages included) `changeset version` takes the pending changesets and the
 * release script (`pnpm release`, what the release workflow runs) publishes. Fresh projects
 * then install the packages by name with npm, pnpm, yarn and bun, run the CLI and the mock
 * from that install and stream a chat through the installed inference package. A second
 * release (one more changeset, as a spec update writes) publishes the bumps, and each project
 * upgrades to them with its package manager. Every command has its own time limit, so a hang
 * names it. The tools and the package managers' caches stay in node_modules/.cache.
 *
 * Long: one release story whose steps share the registry, the published versions and the
 * four projects; cut into files, each would rebuild that state or pass it along.
 */

const INSTALLED = ["inference", "endpoints", "datasets", "ai-sdk", "testing", "cli"].map((n) => `@friendli-ts/${n}`);
const LIBRARIES = ["client", "inference", "endpoints", "datasets", "testing"].map((n) => `@friendli-ts/${n}`);
const MANAGERS = ["npm", "pnpm", "yarn", "bun"] as const;
type Manager = (typeof MANAGERS)[number];
interface Packument {
  "dist-tags": Record<string, string>;
  versions: Record<string, { dependencies?: Record<string, string>; dist: { tarball: string } }>;
}

let root: string;
let local: LocalRelease;
/** The environment a user's shell would give the package managers. */
const env = toolEnv();
const projects = new Map<Manager, string>();
/** Milliseconds each step took, written to the cache folder for whoever tunes this test. */
const timings: Record<string, number> = {};

async function timed<T extends { took: number }>(name: string, step: Promise<T>): Promise<T> {
  const result = await step;
  timings[name] = result.took;
  return result;
}

async function packument(name: string): Promise<Packument> {
  const response = await fetch(new URL(name.replace("/", "%2f"), local.registry.url));
  expect(response.status, `${name} on the local registry`).toBe(200);
  return (await response.json()) as Packument;
}

const release = (label: string) => local.release((step, result) => (timings[`${label}: ${step}`] = result.took));

beforeAll(async () => {
  root = realpathSync(mkdtempSync(join(tmpdir(), "friendli-registry-release-")));
  const started = performance.now();
  local = await startLocalRelease();
  timings["tools, registry and copy ready"] = Math.round(performance.now() - started);
}, 240_000);

afterAll(async () => {
  const started = performance.now();
  await local?.stop();
  timings["stop the registry"] = Math.round(performance.now() - started);
  // Four projects' node_modules take a minute or more to delete on a busy disk: a detached
  // `rm -rf` does it after the test, without holding it up.
  if (root) spawn("rm", ["-rf", root], { detached: true, stdio: "ignore" }).unref();
  mkdirSync(releaseCacheDir, { recursive: true });
  writeFileSync(join(releaseCacheDir, "last-run-timings.json"), `${JSON.stringify(timings, null, 2)}\n`);
}, 60_000);

const PRISM = "@stoplight/prism-cli@~5.14.2";
const cacheOf = (name: string) => join(releaseCacheDir, name);

/**
 * A fresh project whose `.npmrc` (and bunfig.toml) takes `@friendli-ts/*` from the local
 * registry; every other package comes from the machine's registry as usual, so each package
 * manager's own cache serves it from the second run on. Verdaccio's uplink serves it for
 * `pnpm release:local`, where the whole install goes through the local registry.
 */
function createProject(manager: Manager): string {
  const dir = join(root, `project-${manager}`);
  mkdirSync(dir);
  const manifest = { name: `try-${manager}`, version: "0.0.0", private: true };
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, ".npmrc"), `@friendli-ts:registry=${local.registry.url}\n`);
  writeFileSync(join(dir, "bunfig.toml"), `[install.scopes]\n"@friendli-ts" = "${local.registry.url}"\n`);
  return dir;
}

/**
 * Installs the packages by name, with Prism for the mock (an optional peer: no package
 * manager adds it unasked); yarn 1 installs no peers, so its user names zod too.
 */
function installCommand(manager: Manager): [string, string[]] {
  switch (manager) {
    case "npm":
      return [
        "npm",
        [
          "install",
          ...INSTALLED,
          PRISM,
          "--prefer-offline",
          "--no-audit",
          "--no-fund",
          "--loglevel=error",
          `--cache=${cacheOf("npm-cache")}`,
        ],
      ];
    case "pnpm":
      return [
        "pnpm",
        [
          "add",
          ...INSTALLED,
          PRISM,
          "--prefer-offline",
          `--store-dir=${cacheOf("pnpm-store")}`,
          `--cache-dir=${cacheOf("pnpm-cache")}`,
          "--reporter=append-only",
        ],
      ];
    case "yarn":
      return [
        local.tools.yarn,
        [
          "add",
          ...INSTALLED,
          PRISM,
          "zod",
          `--cache-folder=${cacheOf("yarn-cache")}`,
          "--non-interactive",
          "--no-progress",
        ],
      ];
    case "bun":
      return [local.tools.bun, ["add", ...INSTALLED, PRISM, `--cache-dir=${cacheOf("bun-cache")}`, "--no-progress"]];
  }
}

/** Upgrades the project's `@friendli-ts/*` packages within the ranges the install saved. */
function upgradeCommand(manager: Manager): [string, string[]] {
  switch (manager) {
    case "npm":
      return [
        "npm",
        ["update", ...INSTALLED, "--no-audit", "--no-fund", "--loglevel=error", `--cache=${cacheOf("npm-cache")}`],
      ];
    case "pnpm":
      return [
        "pnpm",
        [
          "update",
          ...INSTALLED,
          `--store-dir=${cacheOf("pnpm-store")}`,
          `--cache-dir=${cacheOf("pnpm-cache")}`,
          "--reporter=append-only",
        ],
      ];
    case "yarn":
      return [
        local.tools.yarn,
        ["upgrade", ...INSTALLED, `--cache-folder=${cacheOf("yarn-cache")}`, "--non-interactive", "--no-progress"],
      ];
    case "bun":
      return [local.tools.bun, ["update", ...INSTALLED, `--cache-dir=${cacheOf("bun-cache")}`, "--no-progress"]];
  }
}

const installedVersion = (dir: string, name: string) =>
  (JSON.parse(readFileSync(join(dir, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;

/** `npx friendli-mock` from the project: waits for its URL, hands it over, then stops it and checks it is gone. */
async function withInstalledMock<T>(dir: string, use: (url: string) => Promise<T>): Promise<T> {
  const child = spawn("npx", ["friendli-mock"], { cwd: dir, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`\`npx friendli-mock\` printed no URL within 60 s in ${dir}\n${output}`)),
        60_000,
      );
      let stdout = "";
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        stdout += chunk;
        const line = stdout.match(/^(http:\/\/127\.0\.0\.1:\d+)\n/m);
        if (line?.[1]) {
          clearTimeout(timer);
          resolve(line[1]);
        }
      });
      exited.then((code) => reject(new Error(`\`npx friendli-mock\` exited with ${code} in ${dir}\n${output}`)));
    });
    const result = await use(url);
    killGroup(child, "SIGTERM");
    const stopped = await Promise.race([
      exited.then(() => true),
      new Promise((r) => setTimeout(() => r(false), 15_000)),
    ]);
    expect(stopped, "`npx friendli-mock` ends on SIGTERM").toBe(true);
    await expect(fetch(url), "the mock no longer answers").rejects.toThrow();
    return result;
  } finally {
    killGroup(child, "SIGKILL");
  }
}

describe("the first release", () => {
  let published: Map<string, string>;

  it("changeset version, then the release script publishes every package at its new version", async () => {
    published = await release("first release");
    expect([...published.keys()].sort()).toEqual([...INSTALLED, "@friendli-ts/client"].sort());
    for (const [name, version] of published) {
      expect(local.sandbox.manifest(name).version, name).toBe(version);
      expect((await packument(name))["dist-tags"].latest, name).toBe(version);
    }
  }, 240_000);

  it("each published manifest asks for its siblings by caret ranges on their published versions", async () => {
    for (const name of published.keys()) {
      const manifest = (await packument(name)).versions[published.get(name) as string];
      const deps = manifest?.dependencies ?? {};
      expect(JSON.stringify(deps), name).not.toMatch(/"(workspace|catalog):/);
      for (const [dep, range] of Object.entries(deps).filter(([dep]) => dep.startsWith("@friendli-ts/"))) {
        expect(range, `${name} -> ${dep}`).toBe(`^${published.get(dep)}`);
      }
    }
    // What every user installs brings no validator, faker or Prism along (those are @friendli-ts/testing's).
    const client = (await packument("@friendli-ts/client")).versions[published.get("@friendli-ts/client") as string];
    expect(
      Object.keys(client?.dependencies ?? {}).filter((d) => /^ajv|json-schema-faker|^@stoplight\//.test(d)),
    ).toEqual([]);
    const cli = (await packument("@friendli-ts/cli")).versions[published.get("@friendli-ts/cli") as string];
    expect(
      Object.keys(cli?.dependencies ?? {})
        .filter((d) => d.startsWith("@friendli-ts/"))
        .sort(),
    ).toEqual(LIBRARIES.slice().sort());
  });

  it("each tarball holds dist, README and LICENSE and no tests", async () => {
    for (const [name, version] of published) {
      const tarball = join(root, `${name.replace("/", "-")}-${version}.tgz`);
      const response = await fetch((await packument(name)).versions[version]?.dist.tarball as string);
      writeFileSync(tarball, Buffer.from(await response.arrayBuffer()));
      const files = (await runStep("tar", ["-tzf", tarball], { cwd: root, env, timeout: 30_000 })).stdout.split("\n");
      expect(files, name).toEqual(
        expect.arrayContaining(["package/package.json", "package/README.md", "package/LICENSE"]),
      );
      expect(
        files.some((f) => f.startsWith("package/dist/")),
        name,
      ).toBe(true);
      expect(
        files.filter((f) => /\.test(-d)?\.(ts|js)$|test-results\.json|requests\.log/.test(f)),
        name,
      ).toEqual([]);
    }
  });

  it.concurrent.each(MANAGERS)(
    "installed by name with %s: the CLI and the mock run, a chat streams from the installed inference package",
    async (manager) => {
      const dir = createProject(manager);
      const [command, args] = installCommand(manager);
      await timed(`${manager} install`, runStep(command, args, { cwd: dir, env, timeout: 150_000 }));
      projects.set(manager, dir);
      for (const name of INSTALLED)
        expect(installedVersion(dir, name), `${manager}: ${name}`).toBe(published.get(name));

      const chat = await timed(
        `${manager}: npx friendli --mock chat hi`,
        runStep("npx", ["friendli", "--mock", "chat", "hi"], { cwd: dir, env, timeout: 60_000 }),
      );
      expect(chat.stdout.trim().length, `${manager}: the mock's answer`).toBeGreaterThan(0);

      copyFileSync(join(import.meta.dirname, "fixtures", "installed-check.mjs"), join(dir, "check.mjs"));
      const started = performance.now();
      const check = await withInstalledMock(dir, async (url) => {
        const { stdout } = await runStep(process.execPath, ["check.mjs", url], { cwd: dir, env, timeout: 30_000 });
        return JSON.parse(stdout.trim().split("\n").at(-1) ?? "null") as Record<string, unknown>;
      });
      timings[`${manager}: npx friendli-mock + streamed chat`] = Math.round(performance.now() - started);
      expect(check.factories).toEqual(["function", "function", "function", "function"]);
      expect(check.chunks, `${manager}: chunks streamed`).toBeGreaterThan(0);
      expect(check.oneClient, `${manager}: one client for every package`).toBe(true);
      expect(String(check.resolved).startsWith(pathToFileURL(join(dir, "node_modules")).href)).toBe(true);
    },
    300_000,
  );
});

describe("a second release, after a spec change", () => {
  let bumped: Map<string, string>;
  const before = new Map<string, string>();

  it("publishes the bumps the changesets ask for and leaves the other packages where they were", async () => {
    for (const name of [...INSTALLED, "@friendli-ts/client"]) {
      before.set(name, local.sandbox.manifest(name).version as string);
    }
    // What `pnpm spec:update` writes when a change touches only the endpoints' operations.
    writeFileSync(
      join(local.sandbox.dir, ".changeset", "spec-registry-release.md"),
      '---\n"@friendli-ts/endpoints": patch\n---\n\nRegenerated from a newer spec.\n',
    );
    bumped = await plannedReleases(local.sandbox, local.releaseEnv, root);
    expect(bumped.get("@friendli-ts/endpoints")).toBeDefined();
    expect(await release("second release")).toEqual(bumped);
    for (const [name, version] of before) {
      const latest = (await packument(name))["dist-tags"].latest;
      expect(latest, name).toBe(bumped.get(name) ?? version);
      expect(latest === version, `${name} is bumped exactly when planned`).toBe(!bumped.has(name));
    }
  }, 240_000);

  it.concurrent.each(MANAGERS)(
    "a %s project installed from the first release upgrades to it",
    async (manager) => {
      const dir = projects.get(manager);
      expect(dir, `${manager} installed the first release`).toBeDefined();
      const [command, args] = upgradeCommand(manager);
      await timed(`${manager} upgrade`, runStep(command, args, { cwd: dir as string, env, timeout: 150_000 }));
      for (const name of INSTALLED) {
        expect(installedVersion(dir as string, name), `${manager}: ${name}`).toBe(bumped.get(name) ?? before.get(name));
      }
    },
    300_000,
  );
});
