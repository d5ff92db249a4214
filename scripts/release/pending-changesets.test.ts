import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../spec/paths.ts";

// Every changeset must be one the release tooling can read: front matter of
// `"<workspace package>": major|minor|patch` lines between `---` fences, then a summary.
const dir = join(repoRoot, ".changeset");
const packages = new Set(
  readdirSync(join(repoRoot, "packages")).map(
    (name) =>
      (JSON.parse(readFileSync(join(repoRoot, "packages", name, "package.json"), "utf8")) as { name: string }).name,
  ),
);

describe("changesets", () => {
  const files = readdirSync(dir).filter((f) => f.endsWith(".md") && f !== "README.md");
  it.each(files)("%s names real packages and a release type", (file) => {
    const text = readFileSync(join(dir, file), "utf8");
    const match = /^---\n([\s\S]*?)\n---\n\n?([\s\S]+)$/.exec(text);
    expect(match, "front matter fenced by --- lines").not.toBeNull();
    const entries = (match?.[1] ?? "").split("\n").filter(Boolean);
    expect(entries.length).toBeGreaterThan(0);
    for (const line of entries) {
      const [, name, type] = /^"([^"]+)": (major|minor|patch)$/.exec(line) ?? [];
      expect(packages.has(name ?? ""), `${line}: a workspace package and a release type`).toBe(true);
      expect(type).toBeDefined();
    }
    expect(match?.[2]?.trim().length).toBeGreaterThan(20);
  });
});
