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
const libraries = [
  "@friendli-ts/client",
  "@friendli-ts/inference",
  "@friendli-ts/endpoints",
  "@friendli-ts/datasets",
  // The mock and the drift check use the client's internals: they ship with the client they were built with.
  "@friendli-ts/testing",
];

type ReleaseType = "major" | "minor" | "patch";
function bump(version: string, type: ReleaseType): string {
  const [major = 0, minor = 0, patch = 0] = version.split(".").map(Number);
  if (type === "major") return `${major + 1}.0.0`;
  return type === "minor" ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
}
const highest = (versions: string[]) =>
  versions.reduce((a, b) => (b.localeCompare(a, undefined, { numeric: true }) > 0 ? b : a));

describe("the release policy in .changeset/config.json", () => {
  it("versions the libraries as one fixed group, publishes publicly from main, leaves private packages alone", () => {
    expect(config.fixed).toEqual([libraries]);
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
  const groupVersion = () => bump(highest(libraries.map((name) => before.get(name)?.version ?? "0.0.0")), type);

  it("runs", () => {
    expect(run.code, run.output).toBe(0);
  });

  it(`gives every library of the fixed group one version, the ${type} after the group's highest`, () => {
    for (const name of libraries) expect(version(name), name).toBe(groupVersion());
  });

  // A 0.x patch stays within `^0.y.z`: users' installs of the CLI pick it up, the CLI is not
  // released again. A 0.x minor leaves the range: the CLI gets a patch that asks for it.
  const cliReleased = type !== "patch";

  it(`asks for the libraries by caret in the CLI (workspace:^), so the CLI is ${cliReleased ? "" : "not "}released again`, () => {
    expect(before.get("@friendli-ts/cli")?.dependencies?.["@friendli-ts/client"]).toBe("workspace:^");
    const cliBefore = before.get("@friendli-ts/cli")?.version ?? "";
    expect(version("@friendli-ts/cli")).toBe(cliReleased ? bump(cliBefore, "patch") : cliBefore);
  });

  it("keeps the workspace: ranges, which pnpm publish turns into the released versions", () => {
    for (const [name, manifest] of before) {
      expect(sandbox.manifest(name).dependencies ?? {}, name).toEqual(manifest.dependencies ?? {});
    }
    expect(sandbox.manifest("@friendli-ts/inference").dependencies?.["@friendli-ts/client"]).toBe("workspace:^");
  });

  it("writes the summary into the client's changelog and the dependency update into the others'", () => {
    expect(changelog("@friendli-ts/client")).toContain(`## ${groupVersion()}`);
    expect(changelog("@friendli-ts/client")).toContain(`- ${summary}`);
    for (const name of [...libraries.slice(1), ...(cliReleased ? ["@friendli-ts/cli"] : [])]) {
      expect(changelog(name), name).toMatch(
        new RegExp(`## ${version(name)}[\\s\\S]*Updated dependencies[\\s\\S]*@friendli-ts/client@${groupVersion()}`),
      );
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
