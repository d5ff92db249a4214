import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../spec/paths.ts";
import { cliTimeout, createReleaseSandbox, type PackageManifest, type ReleaseSandbox } from "./release-sandbox.ts";

// `changeset version` run on a copy of the repository's release files: what a "Version
// packages" pull request would change after one changeset for the client.
const config = JSON.parse(readFileSync(join(repoRoot, ".changeset/config.json"), "utf8")) as {
  fixed: string[][];
  access: string;
  baseBranch: string;
  privatePackages: { version: boolean; tag: boolean };
};
/** The client's dependents among the published packages: each asks for it by `workspace:^`. */
const dependents = [
  "@friendli-ts/inference",
  "@friendli-ts/endpoints",
  "@friendli-ts/datasets",
  "@friendli-ts/testing",
  "@friendli-ts/ai-sdk",
  "@friendli-ts/cli",
];

type ReleaseType = "major" | "minor" | "patch";
function bump(version: string, type: ReleaseType): string {
  const [major = 0, minor = 0, patch = 0] = version.split(".").map(Number);
  if (type === "major") return `${major + 1}.0.0`;
  return type === "minor" ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
}

describe("the release policy in .changeset/config.json", () => {
  it("versions each package on its own, publishes publicly from main, leaves private packages alone", () => {
    expect(config.fixed).toEqual([]);
    expect(config.access).toBe("public");
    expect(config.baseBranch).toBe("main");
    expect(config.privatePackages).toEqual({ version: false, tag: false });
  });
});

describe.each<{ type: ReleaseType; why: string }>([
  { type: "patch", why: "a fix" },
  { type: "minor", why: "a breaking change while 0.x" },
])("changeset version after a $type changeset for the client ($why)", ({ type }) => {
  const summary = `Client ${type} for the release test: retries keep their jitter.`;
  let sandbox: ReleaseSandbox;
  let before: Map<string, PackageManifest>;
  let run: { code: number; output: string };

  beforeAll(async () => {
    sandbox = createReleaseSandbox({ pendingChangesets: false });
    before = new Map([...sandbox.packageDirs.keys()].map((name) => [name, sandbox.manifest(name)]));
    writeFileSync(
      join(sandbox.dir, ".changeset/client-release-test.md"),
      `---\n"@friendli-ts/client": ${type}\n---\n\n${summary}\n`,
    );
    run = await sandbox.changeset(["version"]);
  }, cliTimeout);
  afterAll(() => sandbox?.remove());

  const version = (name: string) => sandbox.manifest(name).version;
  const changelog = (name: string) => {
    const file = join(sandbox.dir, sandbox.packageDirs.get(name) as string, "CHANGELOG.md");
    return existsSync(file) ? readFileSync(file, "utf8") : undefined;
  };
  const clientVersion = () => bump(before.get("@friendli-ts/client")?.version ?? "0.0.0", type);

  it("runs", () => {
    expect(run.code, run.output).toBe(0);
  });

  // A 0.x patch stays within `^0.y.z`: users' installs of the other packages pick it up, and
  // none of them is released again. A 0.x minor leaves the range: each gets a patch asking for it.
  const dependentsReleased = type !== "patch";

  it(`gives the client the ${type}; its dependents are ${dependentsReleased ? "patched" : "left as they were"}`, () => {
    expect(version("@friendli-ts/client")).toBe(clientVersion());
    for (const name of dependents) {
      expect(before.get(name)?.dependencies?.["@friendli-ts/client"], name).toBe("workspace:^");
      const was = before.get(name)?.version ?? "";
      expect(version(name), name).toBe(dependentsReleased ? bump(was, "patch") : was);
    }
  });

  it("keeps the workspace: ranges, which pnpm publish turns into the released versions", () => {
    for (const [name, manifest] of before) {
      expect(sandbox.manifest(name).dependencies ?? {}, name).toEqual(manifest.dependencies ?? {});
    }
    expect(sandbox.manifest("@friendli-ts/inference").dependencies?.["@friendli-ts/client"]).toBe("workspace:^");
  });

  it("writes the summary into the client's changelog and the dependency update into each released dependent's", () => {
    expect(changelog("@friendli-ts/client")).toContain(`## ${clientVersion()}`);
    expect(changelog("@friendli-ts/client")).toContain(`- ${summary}`);
    for (const name of dependents) {
      if (dependentsReleased)
        expect(changelog(name), name).toMatch(
          new RegExp(`## ${version(name)}[\\s\\S]*Updated dependencies[\\s\\S]*@friendli-ts/client@${clientVersion()}`),
        );
      else expect(changelog(name) ?? "", name).not.toContain(`@friendli-ts/client@${clientVersion()}`);
    }
  });

  it("does not version private workspace packages", () => {
    const privates = [...before].filter(([, manifest]) => manifest.private);
    expect(privates.length).toBeGreaterThan(0);
    for (const [name, manifest] of privates) {
      expect(sandbox.manifest(name).version, name).toBe(manifest.version);
      expect(changelog(name), name).toBeUndefined();
    }
  });

  it("deletes the changeset it consumed", () => {
    expect(existsSync(join(sandbox.dir, ".changeset/client-release-test.md"))).toBe(false);
    expect(existsSync(join(sandbox.dir, ".changeset/config.json"))).toBe(true);
  });
});
