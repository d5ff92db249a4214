import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../spec/paths.ts";
import { closingLine, summarizeTests, sumTally } from "./summarize-tests.ts";

const read = (file: string) => readFileSync(join(repoRoot, file), "utf8");
const rootScripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;

describe("the Node matrix", () => {
  it(".ci/run runs the whole suite on Node 24 and the runtime suites on 22 and 20, then one total", () => {
    const lines = read(".ci/run").split("\n");
    expect(lines).toContain("on_node 24 pnpm test");
    expect(lines).toContain("on_node 22 pnpm test:runtime");
    expect(lines).toContain("on_node 20 pnpm test:runtime");
    expect(lines.at(-3)).toContain("summarize-tests.ts --total");
  });

  it("every root script that runs turbo's tests puts the Node version in the cache key", () => {
    const turbo = JSON.parse(read("turbo.json")) as { tasks: Record<string, { env?: string[] }> };
    expect(turbo.tasks.test?.env).toContain("FRIENDLI_NODE_VERSION");
    expect(turbo.tasks.test?.env).toContain("FRIENDLI_TEST_SUITE");
    expect(rootScripts["test:runtime"]).toMatch(/^node scripts\/ci\/turbo\.mjs --suite=runtime run /);
    for (const name of ["test", "test:runtime"]) {
      const script = rootScripts[name] ?? "";
      expect(script, name).toMatch(/^node scripts\/ci\/turbo\.mjs (--suite=runtime )?run /);
      expect(script.replaceAll("scripts/ci/turbo.mjs", ""), name).not.toMatch(/\bturbo run\b/);
    }
  });

  // Builds first: otherwise turbo hands a free slot to a long test while a package's build, which
  // other tests wait for, queues behind it (seen: testing's build started 218 s into a run).
  it("every root script that runs turbo's tests builds every package first", () => {
    for (const name of ["test", "test:runtime"]) {
      expect(rootScripts[name] ?? "", name).toMatch(
        /^node scripts\/ci\/turbo\.mjs (--suite=runtime )?run build [^&]*&& /,
      );
    }
  });

  // The compilers read the packed declarations alike on every Node: once a CI run is enough.
  it("the TypeScript versions run with the whole suite, not again in pnpm test:runtime", () => {
    const listed = (suite: string) =>
      execFileSync(
        process.execPath,
        [join(repoRoot, "node_modules/vitest/vitest.mjs"), "list", "--filesOnly", "--configLoader", "runner"],
        {
          cwd: join(repoRoot, "tooling/pack-install"),
          env: { ...process.env, FRIENDLI_TEST_SUITE: suite },
          encoding: "utf8",
        },
      )
        .trim()
        .split("\n");
    const whole = listed("all");
    expect(whole).toContain("test/typescript-versions.test.ts");
    expect(listed("runtime")).toEqual(whole.filter((file) => file !== "test/typescript-versions.test.ts"));
  });

  // A browser, workerd, Bun or Deno runs the same whatever Node started it: once is enough.
  it("test/runtimes/ runs with the whole suite, not again in pnpm test:runtime", () => {
    const listed = (suite: string) =>
      execFileSync(
        process.execPath,
        [join(repoRoot, "node_modules/vitest/vitest.mjs"), "list", "--filesOnly", "--configLoader", "runner"],
        {
          cwd: join(repoRoot, "packages/client"),
          env: { ...process.env, FRIENDLI_TEST_SUITE: suite },
          encoding: "utf8",
        },
      )
        .trim()
        .split("\n");
    const whole = listed("all");
    expect(whole.filter((file) => file.startsWith("test/runtimes/")).length).toBeGreaterThan(0);
    expect(listed("runtime").sort()).toEqual(whole.filter((file) => !file.startsWith("test/runtimes/")).sort());
  });

  it("engines name the versions the matrix tests", () => {
    for (const pkg of ["client", "inference", "endpoints", "datasets", "cli"]) {
      const { engines } = JSON.parse(read(`packages/${pkg}/package.json`)) as { engines: { node: string } };
      expect(engines.node, pkg).toBe("^20.19.0 || ^22.12.0 || >=24");
    }
  });

  // pnpm checks every workspace package's `engines` on each command and warns once per task on
  // Node 20: the workspace builds the AI SDK provider on every tested Node (its tests skip on
  // 20), while the packed manifest, which users install, says what it needs.
  it("the AI SDK provider needs Node 22 in its packed manifest only", () => {
    const manifest = JSON.parse(read("packages/ai-sdk/package.json")) as {
      engines: { node: string };
      publishConfig: { engines: { node: string } };
    };
    expect(manifest.engines.node).toBe("^20.19.0 || ^22.12.0 || >=24");
    expect(manifest.publishConfig.engines.node).toBe(">=22");
  });

  it("on-node.mjs runs a command with that major's node first on PATH", () => {
    const major = process.versions.node.split(".")[0] as string;
    const out = execFileSync(process.execPath, ["scripts/ci/on-node.mjs", major, "node", "-p", "process.version"], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    expect(out.trim().split("\n").at(-1)).toBe(process.version);
  });

  it("on-node.mjs refuses a version that is not a major number", () => {
    let status = 0;
    try {
      execFileSync(process.execPath, ["scripts/ci/on-node.mjs", "latest", "node", "-v"], {
        cwd: repoRoot,
        stdio: "pipe",
      });
    } catch (error) {
      status = (error as { status: number }).status;
    }
    expect(status).toBe(2);
  });

  // Turbo hands a task only the variables it is told of. The official Node builds trust their
  // own CA list, not the system's: behind a TLS-inspecting proxy an npm install in a test task
  // then fails every fetch (SELF_SIGNED_CERT_IN_CHAIN) and retries until its timeout.
  it("turbo passes the certificate and proxy variables to every task", () => {
    const turbo = JSON.parse(readFileSync(join(repoRoot, "turbo.json"), "utf8")) as { globalPassThroughEnv?: string[] };
    expect(turbo.globalPassThroughEnv).toEqual(
      expect.arrayContaining(["NODE_EXTRA_CA_CERTS", "SSL_CERT_FILE", "HTTPS_PROXY", "https_proxy", "NO_PROXY"]),
    );
  });

  it("the tally adds up every run", () => {
    const dir = mkdtempSync(join(tmpdir(), "tally-"));
    try {
      const file = join(dir, "tally");
      writeFileSync(file, '{"passed":3,"failed":0,"skipped":1}\n{"passed":2,"failed":1,"skipped":0}\n');
      expect(sumTally(file)).toEqual({
        passed: 5,
        failed: 1,
        skipped: 1,
        failedFiles: 0,
        skippedSuites: [],
        skippedTests: [],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a run that stopped early counts only the reports written since it started", () => {
    const dir = mkdtempSync(join(tmpdir(), "reports-"));
    try {
      const report = (name: string, passed: number, failed: number) => {
        mkdirSync(join(dir, name));
        const file = join(dir, name, "test-results.json");
        writeFileSync(
          file,
          JSON.stringify({ numPassedTests: passed, numFailedTests: failed, numPendingTests: 0, numTodoTests: 0 }),
        );
        return file;
      };
      const old = report("earlier-run", 7, 0);
      utimesSync(old, new Date(1_000), new Date(1_000));
      report("this-run", 2, 1);
      const dirs = [join(dir, "earlier-run"), join(dir, "this-run")];
      expect(summarizeTests(dirs)).toEqual({
        passed: 9,
        failed: 1,
        skipped: 0,
        failedFiles: 0,
        skippedSuites: [],
        skippedTests: [],
      });
      expect(summarizeTests(dirs, 2_000)).toEqual({
        passed: 2,
        failed: 1,
        skipped: 0,
        failedFiles: 0,
        skippedSuites: [],
        skippedTests: [],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a file that failed outside any test (its beforeAll threw) counts, though its tests were skipped", () => {
    const dir = mkdtempSync(join(tmpdir(), "reports-"));
    try {
      writeFileSync(
        join(dir, "test-results.json"),
        JSON.stringify({
          numPassedTests: 3,
          numFailedTests: 0,
          numPendingTests: 4,
          numTodoTests: 0,
          testResults: [
            { status: "passed", assertionResults: [{ status: "passed" }] },
            { status: "failed", assertionResults: [{ status: "skipped" }, { status: "skipped" }] },
            { status: "failed", assertionResults: [{ status: "failed" }] },
          ],
        }),
      );
      expect(summarizeTests([dir])).toEqual({
        passed: 3,
        failed: 0,
        skipped: 4,
        failedFiles: 1,
        skippedSuites: [],
        skippedTests: [],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the closing line names each suite that did not run and why, in one run and in the tally", () => {
    const dir = mkdtempSync(join(tmpdir(), "reports-"));
    try {
      const pkg = (name: string, report: object) => {
        mkdirSync(join(dir, name));
        writeFileSync(join(dir, name, "package.json"), JSON.stringify({ name: `@demo/${name}` }));
        writeFileSync(join(dir, name, "test-results.json"), JSON.stringify(report));
      };
      pkg("ran", {
        numPassedTests: 5,
        numFailedTests: 0,
        numPendingTests: 1,
        numTodoTests: 0,
        testResults: [
          {
            name: join(dir, "ran", "test/browser.test.ts"),
            status: "passed",
            assertionResults: [{ status: "skipped", fullName: "in a browser streams" }, { status: "passed" }],
          },
        ],
      });
      const zero = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0 };
      pkg("new-only", { ...zero, skippedSuite: "needs Node 22+" });
      const counts = summarizeTests([join(dir, "ran"), join(dir, "new-only")]);
      expect(counts.skippedTests).toEqual(["@demo/ran test/browser.test.ts › in a browser streams"]);
      expect(closingLine(counts)).toBe(
        "tests: 5 passed, 0 failed, 1 skipped; suites skipped: @demo/new-only (needs Node 22+)",
      );
      const tally = join(dir, "tally");
      writeFileSync(tally, `${JSON.stringify(counts)}\n${JSON.stringify({ passed: 2, failed: 0, skipped: 0 })}\n`);
      expect(closingLine(sumTally(tally))).toBe(
        "tests: 7 passed, 0 failed, 1 skipped; suites skipped: @demo/new-only (needs Node 22+)",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
