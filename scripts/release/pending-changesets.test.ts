import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../spec/paths.ts";
import { cliTimeout, createReleaseSandbox, type ReleaseSandbox } from "./release-sandbox.ts";

// Every changeset must be one the release tooling can read: front matter of
// `"<published package>": major|minor|patch` lines between `---` fences, then a summary.
const dir = join(repoRoot, ".changeset");
const files = readdirSync(dir).filter((f) => f.endsWith(".md") && f !== "README.md");
const published = new Set(
  readdirSync(join(repoRoot, "packages"))
    .map((name) => JSON.parse(readFileSync(join(repoRoot, "packages", name, "package.json"), "utf8")))
    .filter((manifest: { private?: boolean }) => !manifest.private)
    .map((manifest: { name: string }) => manifest.name),
);

describe("pending changesets", () => {
  it.each(files)("%s names published packages and a release type", (file) => {
    const text = readFileSync(join(dir, file), "utf8");
    const match = /^---\n([\s\S]*?)\n---\n\n?([\s\S]+)$/.exec(text);
    expect(match, "front matter fenced by --- lines").not.toBeNull();
    const entries = (match?.[1] ?? "").split("\n").filter(Boolean);
    expect(entries.length).toBeGreaterThan(0);
    for (const line of entries) {
      const [, name, type] = /^"([^"]+)": (major|minor|patch)$/.exec(line) ?? [];
      expect(published.has(name ?? ""), `${line}: a published package and a release type`).toBe(true);
      expect(type).toBeDefined();
    }
    expect(match?.[2]?.trim().length).toBeGreaterThan(20);
  });

  describe("as changeset status reads them", () => {
    let sandbox: ReleaseSandbox;
    let run: { code: number; output: string };
    let status: {
      changesets: { id: string }[];
      releases: { name: string; type: string; oldVersion: string; newVersion: string }[];
    };
    beforeAll(async () => {
      sandbox = createReleaseSandbox({ pendingChangesets: true });
      run = await sandbox.changeset(["status", "--output=status.json"]);
      status = JSON.parse(readFileSync(join(sandbox.dir, "status.json"), "utf8"));
    }, cliTimeout);
    afterAll(() => sandbox?.remove());

    it("reads every one of them", () => {
      expect(run.code, run.output).toBe(0);
      expect(status.changesets.map((c) => `${c.id}.md`).sort()).toEqual([...files].sort());
    });

    it("plans releases of published packages only, each at the version its own changesets ask for", () => {
      // Private packages appear with type "none": listed, never versioned.
      const planned = status.releases.filter((r) => r.type !== "none");
      expect(planned.length).toBeGreaterThan(0);
      for (const release of planned) expect(published.has(release.name), release.name).toBe(true);
      // No group: each package's new version follows from its own old version and type.
      for (const release of planned) {
        const [major = 0, minor = 0, patch = 0] = release.oldVersion.split(".").map(Number);
        const next = {
          major: `${major + 1}.0.0`,
          minor: `${major}.${minor + 1}.0`,
          patch: `${major}.${minor}.${patch + 1}`,
        };
        expect(release.newVersion, release.name).toBe(next[release.type as keyof typeof next]);
      }
    });
  });
});
