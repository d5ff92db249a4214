import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";

/**
 * The folders under a package's `test/` (CONTRIBUTING, "Where tests live"): one per kind of
 * test, named the same in every package, plus `support/` for what tests share.
 */
export const TEST_KINDS = {
  unit: "no network: functions, types, state, files on disk",
  contract: "over HTTP to the Prism mock (the run's, or one the test starts)",
  faults: "a local server on 127.0.0.1 the test scripts: it lies, stalls, floods, echoes the token",
  fuzz: "property tests of answer shapes (fast-check)",
  runtimes: "the code bundled or run elsewhere: a browser, Bun, Deno, workerd",
} as const;

/** Helpers and fixtures the tests share; never a test. */
export const SUPPORT = "support";

type Kind = keyof typeof TEST_KINDS;

const TEST_FILE = /\.test(-d)?\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
/** Files the rule reads: anything in a published package, and the tests of tooling/ and bench/. */
const COVERED = /^(packages\/[^/]+|tooling\/[^/]+|bench)\/(.*)$/;

/** A file out of place, and where it belongs. */
export interface Misplaced {
  path: string;
  /** Where to move it: a path, or a kind folder to choose from when the rule cannot tell. */
  moveTo: string;
  why: string;
}

/**
 * The kind a test most likely is, from what it starts: used only to suggest a folder in the
 * message; the author knows better and may pick another kind.
 */
export function guessKind(source: string): Kind {
  if (/\b(esbuild|playwright|workerd|bun|deno)\b/i.test(source) && /\bbuild\(/.test(source)) return "runtimes";
  if (/startFuzzServer|fuzzAnswer/.test(source)) return "fuzz";
  if (
    /mockServerUrl|mockClientOptions|startMockServer|@friendli-ts\/test-kit\/mock-client|\bmock[A-Z]\w*\(/.test(source)
  ) {
    return "contract";
  }
  if (
    /serveFaults|startFaultServer|createServer|startFakeApi|\bstart\w*Servers?\(|localEndpoints|localProvider/.test(
      source,
    )
  ) {
    return "faults";
  }
  return "unit";
}

/** Where a test file of `pkg` should go, read from its source when the file exists. */
function testHome(root: string, pkg: string, path: string): string {
  const file = join(root, path);
  const kind = existsSync(file) ? guessKind(readFileSync(file, "utf8")) : "unit";
  return `${pkg}/test/${kind}/${basename(path)}`;
}

/** The rule for one file of a published package (`packages/<name>/<rest>`). */
function checkPackageFile(root: string, pkg: string, rest: string, path: string): Misplaced | undefined {
  const parts = rest.split("/");
  const isTest = TEST_FILE.test(rest);
  if (parts[0] !== "test") {
    if (!isTest) return undefined;
    return { path, moveTo: testHome(root, pkg, path), why: "tests live under test/<kind>/, not beside the source" };
  }
  const [, folder, ...inside] = parts;
  if (inside.length === 0) {
    // A file directly in test/.
    return isTest
      ? { path, moveTo: testHome(root, pkg, path), why: "a test sits in its kind folder, not loose in test/" }
      : { path, moveTo: `${pkg}/test/${SUPPORT}/${folder}`, why: "a helper sits in test/support/" };
  }
  if (folder === SUPPORT) {
    return isTest
      ? { path, moveTo: testHome(root, pkg, path), why: "test/support/ holds helpers, not tests" }
      : undefined;
  }
  if (!(folder !== undefined && folder in TEST_KINDS)) {
    return isTest
      ? { path, moveTo: testHome(root, pkg, path), why: `test/${folder}/ is not one of the kind folders` }
      : {
          path,
          moveTo: `${pkg}/test/${SUPPORT}/${inside.join("/")}`,
          why: `helpers live in test/support/, not test/${folder}/`,
        };
  }
  if (!isTest) {
    return { path, moveTo: `${pkg}/test/${SUPPORT}/${inside.join("/")}`, why: `test/${folder}/ holds tests only` };
  }
  if (inside.length > 1) {
    return { path, moveTo: `${pkg}/test/${folder}/${basename(path)}`, why: "kind folders are flat" };
  }
  return undefined;
}

/**
 * Every file out of place under the one test layout (tracked or new, not git-ignored):
 * - in packages/*: tests only in test/<kind>/ (flat), helpers only in test/support/;
 * - in tooling/* and bench/: tests in test/ (each holds one kind, so no kind folders), none
 *   beside the source.
 * scripts/ and examples/ keep each test beside the script or example it runs.
 */
export function misplacedTestFiles(root: string): Misplaced[] {
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  })
    .split("\n")
    // A file deleted but not yet staged is still listed as cached.
    .filter((path) => COVERED.test(path) && existsSync(join(root, path)));
  const misplaced: Misplaced[] = [];
  for (const path of files) {
    const [, pkg = "", rest = ""] = COVERED.exec(path) ?? [];
    if (pkg.startsWith("packages/")) {
      const problem = checkPackageFile(root, pkg, rest, path);
      if (problem) misplaced.push(problem);
    } else if (TEST_FILE.test(rest) && !rest.startsWith("test/")) {
      misplaced.push({
        path,
        moveTo: `${pkg}/test/${basename(path)}`,
        why: "tests live in test/, not beside the source",
      });
    }
  }
  return misplaced;
}

/** The failure message: one line per file, saying where it goes, then the kinds to choose from. */
export function describeMisplaced(misplaced: Misplaced[]): string {
  const lines = misplaced.map(({ path, moveTo, why }) => `  git mv ${path} ${moveTo}   # ${why}`);
  const kinds = Object.entries(TEST_KINDS).map(([kind, what]) => `  test/${kind}/: ${what}`);
  return [
    `${misplaced.length} file(s) outside the one test layout (CONTRIBUTING.md, "Where tests live"); the folder named for a test is a guess from what it starts, pick the kind it is:`,
    ...lines,
    "The kind folders of every package:",
    ...kinds,
    `  test/${SUPPORT}/: helpers and fixtures the tests share, no tests`,
    "After a move, fix the file's relative imports (`pnpm exec turbo run typecheck --filter=<package>` lists them).",
  ].join("\n");
}
