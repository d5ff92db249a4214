import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../spec/paths.ts";
import { describeMisplaced, guessKind, misplacedTestFiles } from "./test-layout.ts";

describe("the one test layout", () => {
  it("every test of the workspace is where CONTRIBUTING says", () => {
    const misplaced = misplacedTestFiles(repoRoot);
    expect(misplaced, describeMisplaced(misplaced)).toEqual([]);
  });

  describe("on a scratch repository", () => {
    const root = mkdtempSync(join(tmpdir(), "test-layout-"));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const write = (path: string, text = "") => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    execFileSync("git", ["init", "-q"], { cwd: root });
    write("packages/pkg/src/call.ts");
    write("packages/pkg/test/unit/call.test.ts");
    write("packages/pkg/test/unit/types.test-d.ts");
    write("packages/pkg/test/support/local-server.ts");
    write("packages/pkg/test/support/fixtures/app.mjs");
    write("tooling/kit/test/kit.test.ts");
    write("scripts/ci/tool.test.ts");
    write("examples/examples.test.ts");

    it("takes the layout as it should be", () => {
      expect(misplacedTestFiles(root)).toEqual([]);
    });

    it("names each misplaced file and where it goes", () => {
      write("packages/pkg/src/call-beside.test.ts", "expect(call()).toBe(1);");
      write("packages/pkg/test/loose.test.ts", 'const mock = inject("mockServerUrl");');
      write("packages/pkg/test/local-server/stalls.test.ts", "const serve = serveFaults();");
      write("packages/pkg/test/helpers/start-fake-api.ts");
      write("packages/pkg/test/faults/fault-client.ts");
      write("packages/pkg/test/support/shapes.test.ts", "server = await startFuzzServer(fuzzAnswer(shape));");
      write("packages/pkg/test/unit/deeper/nested.test.ts");
      write("tooling/kit/src/kit.test.ts");
      const found = misplacedTestFiles(root);
      expect(found.map(({ path, moveTo }) => `${path} -> ${moveTo}`).sort()).toEqual([
        "packages/pkg/src/call-beside.test.ts -> packages/pkg/test/unit/call-beside.test.ts",
        "packages/pkg/test/faults/fault-client.ts -> packages/pkg/test/support/fault-client.ts",
        "packages/pkg/test/helpers/start-fake-api.ts -> packages/pkg/test/support/start-fake-api.ts",
        "packages/pkg/test/local-server/stalls.test.ts -> packages/pkg/test/faults/stalls.test.ts",
        "packages/pkg/test/loose.test.ts -> packages/pkg/test/contract/loose.test.ts",
        "packages/pkg/test/support/shapes.test.ts -> packages/pkg/test/fuzz/shapes.test.ts",
        "packages/pkg/test/unit/deeper/nested.test.ts -> packages/pkg/test/unit/nested.test.ts",
        "tooling/kit/src/kit.test.ts -> tooling/kit/test/kit.test.ts",
      ]);
      const message = describeMisplaced(found);
      expect(message).toContain(
        "git mv packages/pkg/test/helpers/start-fake-api.ts packages/pkg/test/support/start-fake-api.ts",
      );
      expect(message).toContain("test/faults/: a local server");
    });
  });

  it("guesses a test's kind from what it starts", () => {
    expect(guessKind('await build({ entryPoints: [entry] }); spawn("workerd")')).toBe("runtimes");
    expect(guessKind("const client = mockClientOptions();")).toBe("contract");
    expect(guessKind("const server = await startFaultServer(handler);")).toBe("faults");
    expect(guessKind("const server = await startFuzzServer(fuzzAnswer(shape));")).toBe("fuzz");
    expect(guessKind('import fc from "fast-check"; fc.assert(fc.property(fc.string(), check));')).toBe("unit");
    expect(guessKind("expect(redact(text)).toBe(clean);")).toBe("unit");
  });
});
