import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readMarkdownTables } from "../src/read-markdown-tables.ts";
import { findReadmes, repoRoot } from "../src/write-readme-blocks.ts";

// What the root README says about the packages matches the packages: one row of its package
// table per published package, an install line for each in its Install section, and only entry
// points that exist. And no page has a table a paragraph cuts in two.

interface Manifest {
  name: string;
  private?: boolean;
  exports?: Record<string, unknown>;
}
const manifests: Manifest[] = ["packages", "tooling"].flatMap((folder) =>
  readdirSync(join(repoRoot, folder)).map((dir) =>
    JSON.parse(readFileSync(join(repoRoot, folder, dir, "package.json"), "utf8")),
  ),
);
const published = manifests
  .filter((m) => m.private !== true)
  .map((m) => m.name)
  .sort();
const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
const pages = [...findReadmes(), "CONTRIBUTING.md"];

/** The root README's package table, without its header. */
function packageRows(markdown: string) {
  const table = readMarkdownTables(markdown).find((t) => t.hasHeader && t.rows[0]?.cells[0] === "package");
  if (!table) throw new Error("the README has no table headed `package`");
  return table.rows.slice(1);
}

/** The `npm install` / `pnpm add` lines of a section's shell blocks. */
function installLines(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`no section ${heading}`);
  const end = markdown.indexOf("\n## ", start + heading.length + 1);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  return section.split("\n").filter((line) => /^(npm (install|i)|pnpm add) /.test(line.trim()));
}

/** Published packages without a row, and rows naming a package that is not published. */
function rowProblems(markdown: string): string[] {
  const named = packageRows(markdown).map((row) => /`(@friendli-ts\/[\w-]+)`/.exec(row.cells[0] ?? "")?.[1] ?? "");
  return [
    ...published.filter((name) => !named.includes(name)).map((name) => `no row for ${name}`),
    ...named.filter((name) => !published.includes(name)).map((name) => `a row for ${name || "no package"}`),
  ];
}

/** Entry points (`/drift`) a row names that its package does not export. */
function unexportedEntries(markdown: string): string[] {
  return packageRows(markdown).flatMap((row) => {
    const name = /`(@friendli-ts\/[\w-]+)`/.exec(row.cells[0] ?? "")?.[1];
    const exports = Object.keys(manifests.find((m) => m.name === name)?.exports ?? {});
    const entries = [...(row.cells[1] ?? "").matchAll(/`(\/[\w-]+)`/g)].map(([, entry]) => entry);
    return entries.filter((entry) => !exports.includes(`.${entry}`)).map((entry) => `${name}: ${entry}`);
  });
}

/** Published packages no install line of the Install section names. */
function withoutInstallLine(markdown: string): string[] {
  const lines = installLines(markdown, "## Install");
  return published.filter((name) => !lines.some((line) => new RegExp(`${name}(?![\\w/-])`).test(line)));
}

describe("the root README's packages", () => {
  it("one row of the package table per published package, none for another", () => {
    expect(published).toContain("@friendli-ts/client");
    expect(rowProblems(readme)).toEqual([]);
  });

  it("an entry point a row names (`/drift`) is one its package exports", () => {
    expect(unexportedEntries(readme)).toEqual([]);
  });

  it("the Install section has an install line for each published package", () => {
    expect(withoutInstallLine(readme)).toEqual([]);
  });

  it("each check fails on a planted mistake: a moved entry, a missing row, a missing install line", () => {
    const page = [
      "| package | what it is |",
      "| --- | --- |",
      "| `@friendli-ts/client` | the client; `/testing` has a mock |",
      "",
      "## Install",
      "",
      "```sh",
      "npm install @friendli-ts/clientele @friendli-ts/inference/x",
      "```",
    ].join("\n");
    expect(rowProblems(page)).toContain("no row for @friendli-ts/testing");
    expect(rowProblems(page)).not.toContain("no row for @friendli-ts/client");
    expect(unexportedEntries(page)).toEqual(["@friendli-ts/client: /testing"]);
    expect(withoutInstallLine(page)).toEqual(published);
  });
});

describe("the pages' Markdown", () => {
  it("every `@friendli-ts/<package>/<entry>` a page names is an entry that package exports", () => {
    const missing = pages.flatMap((page) =>
      [...readFileSync(join(repoRoot, page), "utf8").matchAll(/@friendli-ts\/([\w-]+)\/([\w.-]*[\w-])/g)]
        .filter(([, name, entry]) => {
          const exports = manifests.find((m) => m.name === `@friendli-ts/${name}`)?.exports ?? {};
          return !(`./${entry}` in exports);
        })
        .map(([text]) => `${page}: ${text}`),
    );
    expect(missing).toEqual([]);
  });

  it("no table is cut in two by a paragraph: every run of rows starts with its header", () => {
    const cut = pages.flatMap((page) =>
      readMarkdownTables(readFileSync(join(repoRoot, page), "utf8"))
        .filter((table) => !table.hasHeader)
        .map((table) => `${page}:${table.line}`),
    );
    expect(cut).toEqual([]);
  });

  it("readMarkdownTables reads a table a paragraph cut as two, the second without a header", () => {
    const page = [
      "| a | b |",
      "| - | - |",
      "| `x \\| y` | 1 |",
      "A paragraph.",
      "| c | 2 |",
      "```",
      "| in code |",
      "```",
    ];
    expect(readMarkdownTables(page.join("\n"))).toEqual([
      {
        line: 1,
        hasHeader: true,
        rows: [
          { line: 1, cells: ["a", "b"] },
          { line: 3, cells: ["`x | y`", "1"] },
        ],
      },
      { line: 5, hasHeader: false, rows: [{ line: 5, cells: ["c", "2"] }] },
    ]);
  });
});
