import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../spec/paths.ts";

// A type a public signature names but the entry does not export is one a user cannot write;
// api-extractor marks it "ae-forgotten-export" in the report. The wrappers have none: such a
// type is exported, or a member of the package's types namespace (InferenceTypes, ...). The
// client's public entries likewise (FriendliClientTypes; the errors entry exports the types its
// classes name), and `/internal` (its `InternalTypes` namespace, which holds only types the
// entry's declarations name, checked below). The AI SDK provider (`FriendliOptionSchemas`) and the
// testing entries (`MockTypes`) too.
const clean = [
  "packages/client/etc/index.api.md",
  "packages/client/etc/errors.api.md",
  "packages/client/etc/internal.api.md",
  "packages/inference/etc/index.api.md",
  "packages/endpoints/etc/index.api.md",
  "packages/datasets/etc/index.api.md",
  "packages/ai-sdk/etc/index.api.md",
  "packages/testing/etc/index.api.md",
  "packages/testing/etc/in-process.api.md",
];

/** The symbols a report says the entry should export. */
function forgottenExports(report: string): string[] {
  return [...report.matchAll(/\(ae-forgotten-export\) The symbol "([^"]+)"/g)].map((m) => m[1]!);
}

/** The members of a namespace the report declares (`declare namespace X { export { A, B } }`). */
function namespaceMembers(report: string, namespace: string): string[] {
  const block = new RegExp(`declare namespace ${namespace} \\{\\s*export \\{([^}]*)\\}`).exec(report);
  return block
    ? block[1]!
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean)
    : [];
}

/** Members of the namespace that nothing else in the report names, besides their own declaration. */
function unnamedMembers(report: string, namespace: string): string[] {
  const rest = report.replace(new RegExp(`declare namespace ${namespace} \\{[^}]*\\}\\s*\\}`), "");
  return namespaceMembers(report, namespace).filter((name) => {
    const uses = rest.replace(new RegExp(`\\b(?:interface|type|class|function|const) ${name}\\b`, "g"), "");
    return !new RegExp(`\\b${name}\\b`).test(uses);
  });
}

describe("API reports", () => {
  it("the client's InternalTypes holds only types the /internal entry's declarations name", () => {
    const report = readFileSync(join(repoRoot, "packages/client/etc/internal.api.md"), "utf8");
    expect(namespaceMembers(report, "InternalTypes").length).toBeGreaterThan(0);
    expect(unnamedMembers(report, "InternalTypes")).toEqual([]);
  });

  it("reads a namespace's members and the names used beside it", () => {
    const report =
      "export function f(x: A): void;\ninterface A { b: B }\ninterface B {}\ninterface C {}\n" +
      "declare namespace T {\n    export {\n        A,\n        B,\n        C\n    }\n}\nexport { T }\n";
    expect(namespaceMembers(report, "T")).toEqual(["A", "B", "C"]);
    expect(unnamedMembers(report, "T")).toEqual(["C"]);
  });

  it.each(clean)("%s names no type its entry leaves unexported", (report) => {
    expect(forgottenExports(readFileSync(join(repoRoot, report), "utf8"))).toEqual([]);
  });

  it("reads the warning as api-extractor writes it", () => {
    const line =
      '// Warning: (ae-forgotten-export) The symbol "ListPage" needs to be exported by the entry point index.d.ts';
    expect(forgottenExports(`${line}\nexport type A = ListPage;\n`)).toEqual(["ListPage"]);
  });
});
