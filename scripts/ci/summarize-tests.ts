import { appendFileSync, existsSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { repoRoot } from "../spec/paths.ts";
import { workspacePackageDirs } from "./workspace-package-dirs.ts";

interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults?: { name?: string; status: string; assertionResults?: { status: string; fullName?: string }[] }[];
  /** Why the whole suite did not run (written by the test kit's vitest config in its place). */
  skippedSuite?: string;
}

export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
  /** Files that failed outside any test (a `beforeAll`, an import): their tests count as skipped. */
  failedFiles?: number;
  /** Each suite that did not run at all, as `package (reason)`. */
  skippedSuites?: string[];
  /** Each test skipped in a suite that ran, as `package file › test`. */
  skippedTests?: string[];
}

const notRun = new Set(["skipped", "pending", "todo"]);

const packageName = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name: string }).name;

/** Counts to add to: nothing yet. */
function noTests(): Required<TestCounts> {
  return { passed: 0, failed: 0, skipped: 0, failedFiles: 0, skippedSuites: [], skippedTests: [] };
}

/** Adds up the vitest JSON reports the packages wrote (since `sinceMs`, when given). */
export function summarizeTests(packageDirs: string[], sinceMs = 0): TestCounts {
  const total = noTests();
  for (const dir of packageDirs) {
    const file = join(dir, "test-results.json");
    if (!existsSync(file) || statSync(file).mtimeMs < sinceMs) continue;
    const report = JSON.parse(readFileSync(file, "utf8")) as VitestJsonReport;
    if (report.skippedSuite) total.skippedSuites.push(`${packageName(dir)} (${report.skippedSuite})`);
    total.passed += report.numPassedTests;
    total.failed += report.numFailedTests;
    total.skipped += report.numPendingTests + report.numTodoTests;
    // Tests of a file that failed outside a test count below, as that file.
    for (const file of (report.testResults ?? []).filter((file) => file.status !== "failed")) {
      for (const test of file.assertionResults ?? []) {
        if (!notRun.has(test.status)) continue;
        const where = file.name ? relative(dir, file.name) : "";
        total.skippedTests.push(`${packageName(dir)} ${where} › ${test.fullName ?? ""}`);
      }
    }
    total.failedFiles += (report.testResults ?? []).filter(
      (file) => file.status === "failed" && !file.assertionResults?.some((test) => test.status === "failed"),
    ).length;
  }
  return total;
}

/** Adds up the counts of every run written to a tally file (one JSON object a line). */
export function sumTally(file: string): TestCounts {
  const total = noTests();
  for (const line of readFileSync(file, "utf8").split("\n").filter(Boolean)) {
    const counts = JSON.parse(line) as TestCounts;
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
    total.failedFiles += counts.failedFiles ?? 0;
    total.skippedSuites.push(...(counts.skippedSuites ?? []));
    total.skippedTests.push(...(counts.skippedTests ?? []));
  }
  return total;
}

/**
 * `tests: 12 passed, 0 failed, 1 skipped; suites skipped: @friendli-ts/ai-sdk (the AI SDK 7
 * needs Node 22+, ...)`: the counts, then each suite that did not run and why.
 */
export function closingLine({ passed, failed, skipped, failedFiles = 0, skippedSuites = [] }: TestCounts): string {
  const files = failedFiles > 0 ? `, ${failedFiles} test files failed outside a test` : "";
  const notRun = skippedSuites.length > 0 ? `; suites skipped: ${skippedSuites.join(", ")}` : "";
  return `tests: ${passed} passed, ${failed} failed, ${skipped} skipped${files}${notRun}`;
}

/**
 * Prints one closing line for a test run and fails it when nothing passed or anything failed.
 * `--only a,b`: only these packages' reports (a run of some suites); `--since MS`: only reports
 * written since then (what a run that stopped early got to). With FRIENDLI_TEST_TALLY set, the
 * counts are also appended to that file; `--total FILE` prints the sum of a tally (the Node
 * matrix in .ci/run runs the suites several times).
 */
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: { only: { type: "string" }, since: { type: "string" }, total: { type: "string" } },
  });
  let counts: TestCounts;
  if (values.total) {
    counts = sumTally(values.total);
  } else {
    const only = values.only?.split(",");
    const dirs = workspacePackageDirs(repoRoot).filter((dir) => !only || only.includes(packageName(dir)));
    counts = summarizeTests(dirs, Number(values.since ?? 0));
    const tally = process.env.FRIENDLI_TEST_TALLY;
    if (tally) appendFileSync(tally, `${JSON.stringify(counts)}\n`);
  }
  console.log("");
  for (const test of counts.skippedTests ?? []) console.log(`skipped: ${test}`);
  console.log(closingLine(counts));
  const { passed, failed, failedFiles = 0 } = counts;
  if (passed === 0 || failed > 0 || failedFiles > 0) process.exit(1);
}
