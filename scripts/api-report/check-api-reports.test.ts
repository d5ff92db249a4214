import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkApiReports } from "./check-api-reports.ts";

// A throwaway workspace with one published package of two entries, built by hand: the check
// reads only package.json and the `.d.ts` its `exports` name.
let root: string;
const pkgDir = () => join(root, "packages/demo");
const mainReport = () => join(pkgDir(), "etc/index.api.md");
const extraReport = () => join(pkgDir(), "etc/extra.api.md");

function writeDemoPackage(indexTypes: string) {
  mkdirSync(join(pkgDir(), "dist"), { recursive: true });
  writeFileSync(join(root, "pnpm-workspace.yaml"), "packages:\n  - packages/*\n");
  writeFileSync(
    join(pkgDir(), "package.json"),
    JSON.stringify({
      name: "@demo/pkg",
      type: "module",
      exports: {
        ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
        "./extra": { types: "./dist/extra.d.ts", default: "./dist/extra.js" },
        "./package.json": "./package.json",
      },
    }),
  );
  writeFileSync(join(pkgDir(), "dist/index.d.ts"), indexTypes);
  writeFileSync(join(pkgDir(), "dist/extra.d.ts"), "export declare const extra: number;\n");
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "api-report-test-"));
  writeDemoPackage("export declare function greet(name: string): string;\n");
  expect(checkApiReports(root, { update: true }).changed).toEqual([
    "packages/demo/etc/extra.api.md",
    "packages/demo/etc/index.api.md",
  ]);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("checkApiReports", () => {
  it("writes one report per entry from the .d.ts, and a second run finds nothing to change", () => {
    expect(readFileSync(mainReport(), "utf8")).toContain("export function greet(name: string): string;");
    expect(readFileSync(extraReport(), "utf8")).toContain("export const extra: number;");
    const again = checkApiReports(root);
    expect(again).toMatchObject({ changed: [], errorCount: 0, entryCount: 2 });
  });

  it("fails on a committed report that differs, shows the difference, and leaves the file alone", () => {
    const edited = readFileSync(mainReport(), "utf8").replace("name: string", "name: number");
    writeFileSync(mainReport(), edited);
    const outcome = checkApiReports(root);
    expect(outcome.changed).toEqual(["packages/demo/etc/index.api.md"]);
    expect(outcome.diffs[0]).toContain("-export function greet(name: number): string;");
    expect(outcome.diffs[0]).toContain("+export function greet(name: string): string;");
    expect(readFileSync(mainReport(), "utf8")).toBe(edited);
  });

  it("fails when the surface changes without its report, and --update brings the report in line", () => {
    writeDemoPackage("export declare function greet(name: string): string;\nexport declare const added = 1;\n");
    expect(checkApiReports(root).diffs.join("\n")).toContain("+export const added = 1;");
    checkApiReports(root, { update: true });
    expect(readFileSync(mainReport(), "utf8")).toContain("export const added = 1;");
    expect(checkApiReports(root).changed).toEqual([]);
  });

  it("fails on a missing report and on a report whose entry is gone", () => {
    rmSync(extraReport());
    const stale = join(pkgDir(), "etc/removed.api.md");
    writeFileSync(stale, "old\n");
    expect(checkApiReports(root).changed).toEqual([
      "packages/demo/etc/extra.api.md",
      "packages/demo/etc/removed.api.md",
    ]);
    checkApiReports(root, { update: true });
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(extraReport())).toBe(true);
  });

  it("the command exits 1 and lists the report that differs", () => {
    writeFileSync(mainReport(), readFileSync(mainReport(), "utf8").replace("greet", "greeting"));
    const cli = fileURLToPath(new URL("./cli.ts", import.meta.url));
    const run = spawnSync(process.execPath, ["--import", "tsx", cli, "--root", root], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("api:check failed");
    expect(run.stderr).toContain("  - packages/demo/etc/index.api.md");
    expect(run.stderr).toContain("-export function greeting(name: string): string;");
  });
});
