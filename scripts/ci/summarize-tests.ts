import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "../spec/paths.ts";
import { workspacePackageDirs } from "./workspace-package-dirs.ts";

interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

/** Adds up the vitest JSON reports the packages wrote, and prints one closing line. */
export function summarizeTests(packageDirs: string[]): { passed: number; failed: number; skipped: number } {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const dir of packageDirs) {
    const file = join(dir, "test-results.json");
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, "utf8")) as VitestJsonReport;
    total.passed += report.numPassedTests;
    total.failed += report.numFailedTests;
    total.skipped += report.numPendingTests + report.numTodoTests;
  }
  return total;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const dirs = workspacePackageDirs(repoRoot);
  const { passed, failed, skipped } = summarizeTests(dirs);
  console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  if (passed === 0 || failed > 0) process.exit(1);
}
