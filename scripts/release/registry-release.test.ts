import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../spec/paths.ts";
import { type LocalRelease, plannedReleases, startLocalRelease, toolEnv } from "./local-release.ts";
import { machineCacheDir, releaseCacheDir } from "./release-tools.ts";
import { killGroup, runStep } from "./run-step.ts";

/*
 * A release that runs: Verdaccio on 127.0.0.1 stands in for npm. On a copy of the repository
 * (the built packages included) `changeset version` takes the pending changesets and the
 * release script (`pnpm release`, what the release workflow runs) publishes. Fresh projects
 * then install the packages by name with npm, pnpm, yarn 1, yarn 4 and bun; one `npx friendli-mock`
 * from the npm install serves each project's CLI and a chat streamed through its inference package. A second
 * release (one more changeset, as a spec update writes) publishes new versions of the hit
 * packages only, and each project upgrades with its package manager to a consistent set. Every command has its own time limit, so a hang
 * names it. The tools and the package managers' caches stay in the user's cache folder (bun's
 * in node_modules/.cache), pnpm's store is the workspace's.
 *
 * Long: one release story whose steps share the registry, the published versions and the
 * four projects; cut into files, each would rebuild that state or pass it along.
 */

const INSTALLED = ["inference", "endpoints", "datasets", "ai-sdk", "testing", "cli"].map((n) => `@friendli-ts/${n}`);
const LIBRARIES = ["client", "inference", "endpoints", "datasets", "testing"].map((n) => `@friendli-ts/${n}`);
const MANAGERS = ["npm", "pnpm", "yarn", "yarn4", "bun"] as const;
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
  pnpmStore = (await runStep("pnpm", ["store", "path"], { cwd: repoRoot, env, timeout: 30_000 })).stdout.trim();
  timings["tools, registry and copy ready"] = Math.round(performance.now() - started);
}, 240_000);

afterAll(async () => {
  await sharedMock?.then((mock) => mock.kill()).catch(() => {});
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
/** A package manager's cache: the machine's (see machineCacheDir), bun's the clone's. */
const cacheOf = (name: string) => join(name === "bun-cache" ? releaseCacheDir : machineCacheDir, name);
/**
 * pnpm's store: the workspace's, where `pnpm install` already put Prism and what it brings
 * (the store only holds files by their content, so the published packages cannot mix).
 */
let pnpmStore: string;

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
  // yarn 4 reads neither: its own settings, with node_modules as the other managers lay them out,
  // and a lockfile so that it takes the folder for a project of its own, whatever lies above.
  if (manager === "yarn4") writeFileSync(join(dir, "yarn.lock"), "");
  writeFileSync(
    join(dir, ".yarnrc.yml"),
    [
      "nodeLinker: node-modules",
      "enableTelemetry: false",
      "enableGlobalCache: false",
      `cacheFolder: ${JSON.stringify(cacheOf("yarn4-cache"))}`,
      "npmRegistryServer: https://registry.npmjs.org",
      "unsafeHttpWhitelist: [127.0.0.1]",
      // yarn 4 holds back versions younger than a day; these were published a minute ago.
      'npmPreapprovedPackages: ["@friendli-ts/*"]',
      "npmScopes:",
      "  friendli-ts:",
      `    npmRegistryServer: ${JSON.stringify(local.registry.url)}`,
      "",
    ].join("\n"),
  );
  return dir;
}

/**
 * Installs the packages by name, with Prism for the mock (an optional peer: no package
 * manager adds it unasked); yarn installs no peers, so its user names zod too.
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
          `--store-dir=${pnpmStore}`,
          `--cache-dir=${cacheOf("pnpm-cache")}`,
          "--reporter=append-only",
        ],
      ];
    case "yarn":
      return [
        process.execPath,
        [
          local.tools.yarn,
          "add",
          ...INSTALLED,
          PRISM,
          "zod",
          `--cache-folder=${cacheOf("yarn-cache")}`,
          "--non-interactive",
          "--no-progress",
        ],
      ];
    case "yarn4":
      return [process.execPath, [local.tools.yarn4, "add", ...INSTALLED, PRISM, "zod"]];
    case "bun":
      return [local.tools.bun, ["add", ...INSTALLED, PRISM, `--cache-dir=${cacheOf("bun-cache")}`, "--no-progress"]];
  }
}

/**
 * Upgrades everything within the ranges the install saved, as a user's plain `npm update`
 * does: the client, which no project names, moves with the packages that ask for it.
 */
function upgradeCommand(manager: Manager): [string, string[]] {
  switch (manager) {
    case "npm":
      return ["npm", ["update", "--no-audit", "--no-fund", "--loglevel=error", `--cache=${cacheOf("npm-cache")}`]];
    case "pnpm":
      return [
        "pnpm",
        ["update", `--store-dir=${pnpmStore}`, `--cache-dir=${cacheOf("pnpm-cache")}`, "--reporter=append-only"],
      ];
    case "yarn":
      return [
        process.execPath,
        [local.tools.yarn, "upgrade", `--cache-folder=${cacheOf("yarn-cache")}`, "--non-interactive", "--no-progress"],
      ];
    case "yarn4":
      // Within the saved ranges, through the whole tree (-R), so the client moves with them.
      return [process.execPath, [local.tools.yarn4, "up", "-R", "@friendli-ts/*"]];
    case "bun":
      return [local.tools.bun, ["update", `--cache-dir=${cacheOf("bun-cache")}`, "--no-progress"]];
  }
}

const installedVersion = (dir: string, name: string) =>
  (JSON.parse(readFileSync(join(dir, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;

interface InstalledMock {
  url: string;
  /** SIGTERM to its process group; whether it ended within 15 s. */
  stop(): Promise<boolean>;
  /** SIGKILL to whatever is left of it. */
  kill(): void;
}

/** `npx friendli-mock` from the project, once it has printed its URL. */
async function startInstalledMock(dir: string): Promise<InstalledMock> {
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
    return {
      url,
      stop: () => {
        killGroup(child, "SIGTERM");
        return Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 15_000))]);
      },
      kill: () => killGroup(child, "SIGKILL"),
    };
  } catch (error) {
    killGroup(child, "SIGKILL");
    throw error;
  }
}

/*
 * Prism takes seconds of CPU to start: one `npx friendli-mock`, from the npm project as soon as
 * npm has installed, serves every project's CLI and streamed chat, while slower installs go on.
 */
let npmInstalled: (outcome: { dir: string } | { error: unknown }) => void = () => {};
const npmProject = new Promise<string>((resolve, reject) => {
  npmInstalled = (outcome) => ("dir" in outcome ? resolve(outcome.dir) : reject(outcome.error));
});
npmProject.catch(() => {});
let sharedMock: Promise<InstalledMock> | undefined;
const mockFromNpm = () => {
  sharedMock ??= npmProject.then(async (dir) => {
    const started = performance.now();
    const mock = await startInstalledMock(dir);
    timings["npm: npx friendli-mock ready"] = Math.round(performance.now() - started);
    return mock;
  });
  return sharedMock;
};

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
    "installed by name with %s: every package at its first version; its CLI and a streamed chat on the one mock",
    async (manager) => {
      const dir = createProject(manager);
      const [command, args] = installCommand(manager);
      try {
        await timed(`${manager} install`, runStep(command, args, { cwd: dir, env, timeout: 150_000 }));
      } catch (error) {
        if (manager === "npm") npmInstalled({ error });
        throw error;
      }
      if (manager === "npm") npmInstalled({ dir });
      projects.set(manager, dir);
      for (const name of INSTALLED)
        expect(installedVersion(dir, name), `${manager}: ${name}`).toBe(published.get(name));
      // Where this install's mock finds Prism, checked without starting it.
      const prism = await runStep(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          'import { createRequire } from "node:module"; console.log(createRequire(import.meta.resolve("@friendli-ts/testing")).resolve("@stoplight/prism-cli/package.json"))',
        ],
        { cwd: dir, env, timeout: 30_000 },
      );
      expect(prism.stdout.trim().startsWith(join(dir, "node_modules")), `${manager}: Prism from ${prism.stdout}`).toBe(
        true,
      );

      const { url } = await mockFromNpm();
      const chat = await timed(
        `${manager}: npx friendli chat hi`,
        runStep("npx", ["friendli", "--base-url", url, "--token", "registry-release-token", "chat", "hi"], {
          cwd: dir,
          env,
          timeout: 60_000,
        }),
      );
      expect(chat.stdout.trim().length, `${manager}: the mock's answer`).toBeGreaterThan(0);
      copyFileSync(join(import.meta.dirname, "fixtures", "installed-check.mjs"), join(dir, "check.mjs"));
      const { stdout } = await runStep(process.execPath, ["check.mjs", url], { cwd: dir, env, timeout: 30_000 });
      const check = JSON.parse(stdout.trim().split("\n").at(-1) ?? "null") as Record<string, unknown>;
      expect(check.factories).toEqual(["function", "function", "function", "function"]);
      expect(check.chunks, `${manager}: chunks streamed`).toBeGreaterThan(0);
      expect(check.oneClient, `${manager}: one client for every package`).toBe(true);
      expect(String(check.resolved).startsWith(pathToFileURL(join(dir, "node_modules")).href)).toBe(true);
    },
    300_000,
  );

  it("the installed `npx friendli-mock` ends on SIGTERM and leaves nothing listening", async () => {
    expect(sharedMock, "the projects' tests started the mock").toBeDefined();
    const mock = await (sharedMock as Promise<InstalledMock>);
    expect(await mock.stop(), "`npx friendli-mock` ends on SIGTERM").toBe(true);
    await expect(fetch(mock.url), "the mock no longer answers").rejects.toThrow();
  }, 30_000);
});

describe("a second release, after a spec change", () => {
  let bumped: Map<string, string>;
  const before = new Map<string, string>();
  /** What `pnpm spec:update` writes for an additive change to the endpoints' operations alone. */
  const HIT = ["@friendli-ts/client", "@friendli-ts/endpoints", "@friendli-ts/testing"];

  it("publishes new versions of the hit packages only; the others keep theirs", async () => {
    for (const name of [...INSTALLED, "@friendli-ts/client"]) {
      before.set(name, local.sandbox.manifest(name).version as string);
    }
    // The client's types and the mock's spec follow every spec; of the wrappers, only the
    // endpoints' methods are hit. A 0.x patch stays in the caret ranges the others ask for.
    writeFileSync(
      join(local.sandbox.dir, ".changeset", "spec-registry-release.md"),
      `---\n${HIT.map((name) => `"${name}": patch\n`).join("")}---\n\nRegenerated from a newer spec.\n`,
    );
    bumped = await plannedReleases(local.sandbox, local.releaseEnv, root);
    expect([...bumped.keys()].sort()).toEqual(HIT);
    expect(await release("second release")).toEqual(bumped);
    for (const [name, version] of before) {
      const latest = (await packument(name))["dist-tags"].latest;
      expect(latest, name).toBe(bumped.get(name) ?? version);
      expect(latest === version, `${name} is bumped exactly when planned`).toBe(!bumped.has(name));
    }
  }, 240_000);

  it.concurrent.each(MANAGERS)(
    "a %s project installed from the first release upgrades to a consistent set: the new versions, one client",
    async (manager) => {
      const dir = projects.get(manager);
      expect(dir, `${manager} installed the first release`).toBeDefined();
      const [command, args] = upgradeCommand(manager);
      await timed(`${manager} upgrade`, runStep(command, args, { cwd: dir as string, env, timeout: 150_000 }));
      copyFileSync(join(import.meta.dirname, "fixtures", "installed-set.mjs"), join(dir as string, "set.mjs"));
      const { stdout } = await runStep(process.execPath, ["set.mjs", ...INSTALLED], {
        cwd: dir as string,
        env,
        timeout: 30_000,
      });
      const set = JSON.parse(stdout.trim().split("\n").at(-1) ?? "null") as {
        versions: Record<string, string>;
        clients: string[];
      };
      const expected = (name: string) => bumped.get(name) ?? before.get(name);
      expect(set.versions).toEqual(Object.fromEntries(INSTALLED.map((name) => [name, expected(name)])));
      // The client no project names moves too, and every package finds the same copy.
      expect(set.clients, `${manager}: one client for every package`).toEqual([expected("@friendli-ts/client")]);
    },
    300_000,
  );
});
