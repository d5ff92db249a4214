import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import ts from "typescript";

/** The source the rule covers: packages' and tooling's src and scripts, never tests, fixtures, configs or generated files. */
const COVERED =
  /^(packages\/[^/]+\/src|tooling\/[^/]+\/src|scripts)\/(?!.*\/generated\/)(?!.*\.test(-d)?\.tsx?$)(?!.*\/fixtures\/)(?!.*\.config\.ts$).*\.(ts|tsx)$/;

/**
 * Files (or folders, ending in `/`) whose name says what they hold without being one of their
 * exports, each with why. A file joins this list only with its reason written here.
 */
export const NAMED_FOR_CONTENT: Record<string, string> = {
  "index.ts": "an entry point: the package's public list",
  "internal.ts": "an entry point: what sibling packages import",
  "errors.ts": "an entry point: the error classes alone",
  "packages/client/src/error-types.ts": "the members of the ErrorTypes namespace that errors.ts exports",
  "packages/client/src/internal-types.ts": "the members of the InternalTypes namespace that internal.ts exports",
  "spec-types.ts": "a package's names for generated spec types, many aliases of one kind",
  "answer-problems.ts":
    "a wrapper's checks of the answers it reads, one predicate per shape (CONTRIBUTING names the file)",
  "packages/ai-sdk/src/option-schemas.ts": "the members of the FriendliOptionSchemas namespace that index.ts exports",
  "packages/testing/src/mock/mock-types.ts": "the members of the MockTypes namespace that the entries export",
  "packages/inference/src/inference-types.ts": "the members of the InferenceTypes namespace that index.ts exports",
  "packages/endpoints/src/endpoint-types.ts": "the members of the EndpointTypes namespace that index.ts exports",
  "packages/datasets/src/dataset-types.ts": "the members of the DatasetTypes namespace that index.ts exports",
  "packages/inference/src/helpers/schema-checks.ts":
    "the schema checks parse and runTools load on first use: one group, kept apart from the public types",
  "packages/testing/src/mock/create-mock-fetch-node.ts":
    "Node's createMockFetch (reads the shipped spec); the web entry owns create-mock-fetch.ts",
  "scripts/ci/test-layout.ts": "the one test layout: its folder kinds and the check that reads them",
  "packages/inference/src/families/":
    "one file per inference family, named for the family: its interface and its declaration",
  "packages/cli/src/commands/": "one file per CLI command (and the options commands share), named for the command",
  "packages/inference/src/create-family.ts": "the twelve createX factories, one per family",
  "packages/inference/src/check-body.ts": "the input checks the inference methods share (CONTRIBUTING names the file)",
  "packages/inference/src/method-types.ts": "the method-named types MethodBody, Result, StreamItem and FinalResult",
  "packages/inference/src/streams/check-stream-items.ts": "one check per kind of stream item",
  "packages/inference/src/streams/stream-item-shape.ts": "the shape predicates the stream item checks are built from",
  "packages/ai-sdk/src/answer-shapes.ts": "one shape per kind of answer the provider reads",
  "packages/client/src/client-types.ts": "the members of the FriendliClientTypes namespace that index.ts exports",
  "packages/client/src/client/typed-methods.ts":
    "the types of the client's typed methods (Method, CallInit, CallResult, ...)",
  "packages/client/src/errors/connection-errors.ts": "the three connection error classes, which read together",
  "packages/client/src/errors/stream-errors.ts": "the three stream error classes, which read together",
  "packages/client/src/transport/web-types.ts": "the web-standard body and header types the transport takes",
  "packages/client/src/transport/retry-decision.ts": "the retry decision: shouldRetry and what it reads of an attempt",
  "packages/datasets/src/sample-source.ts": "where samples are read from: the input type, its check and its reader",
  "packages/cli/src/parse-args.ts": "the command-line value parsers, one per kind of value",
  "packages/cli/src/terminal.ts": "the terminal's output streams, colours and JSON printing",
  "packages/testing/src/mock/chat-default-answer.ts":
    "the mock's default chat answer: its reading of the ask, the completion and the stream",
  "packages/testing/src/mock/follow-request/model-like-prose.ts":
    "the prose the mock answers with and its token counts",
  "packages/testing/src/mock/mock-reply-types.ts": "the types of the replies a mock can be given",
  "packages/testing/src/mock/prism-preload.ts": "the constants of the module preloaded into Prism",
  "packages/testing/src/mock/spec-operations.ts": "the spec's operations as the mock indexes them",
  "packages/testing/src/mock/state/state-error-bodies.ts": "the error bodies the mock's state answers with",
  "scripts/api-report/internal-importers.ts": "who imports each name of /internal: the check's three steps",
  "scripts/spec/normalize-spec.ts": "the steps that normalise the spec, each exported for its test",
  "scripts/spec/paths.ts": "the repository's paths the scripts share",
  "scripts/spec-diff/schema-signature.ts": "how spec-diff reads and compares a schema's shape",
  "scripts/spec-diff/types.ts": "the types spec-diff's steps share",
  "scripts/spec-update/parse-args.ts": "the arguments of pnpm spec:update",
  "tooling/test-kit/src/vitest-global-setup.ts": "vitest's global setup, named as vitest calls it (setup)",
};

/** Whether the text has `export function|const|class|interface|type <the file's name>`, in any case. */
function declaresPlainly(fileName: string, text: string): boolean {
  const words = fileName.replace(/\.tsx?$/, "").split("-");
  const pascal = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  const names = [pascal.charAt(0).toLowerCase() + pascal.slice(1), pascal, words.join("_").toUpperCase()];
  return new RegExp(
    `^export (?:declare )?(?:async )?(?:function\\*?|const|let|class|abstract class|interface|type|enum) (?:${names.join("|")})\\b`,
    "m",
  ).test(text);
}

/** Whether a file is in one of the lists, by its path, its folder or (for entry-like names) its base name. */
export function isListed(path: string, list: Record<string, string>): boolean {
  return Object.keys(list).some((key) =>
    key.endsWith("/") ? path.startsWith(key) : key.includes("/") ? path === key : basename(path) === key,
  );
}

/** A source file none of whose exports its name is. */
export interface MisnamedFile {
  path: string;
  exports: string[];
}

/** `createTransport` -> `create-transport`, `APIError` -> `api-error`, `ENDPOINT_STATUSES` -> `endpoint-statuses`. */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .replaceAll("_", "-")
    .toLowerCase();
}

/** The names a module exports by its own statements (`export *` adds none). */
export function exportedNames(text: string, fileName = "file.ts"): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const names: string[] = [];
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      names.push(...statement.exportClause.elements.map((e) => e.name.text));
    } else if (ts.isExportAssignment(statement)) {
      names.push("default");
    } else if (ts.isVariableStatement(statement) && exported(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      exported(statement) &&
      statement.name
    ) {
      names.push(statement.name.text);
    }
  }
  return [...new Set(names)];
}

/** Whether a file's name (without `.ts`) is the kebab-case form of one of its exports. */
export function namedForAnExport(fileName: string, exports: string[]): boolean {
  const stem = fileName.replace(/\.tsx?$/, "");
  return exports.some((name) => kebabCase(name) === stem);
}

/**
 * The packages' source files (tracked or new, not ignored) that export something, whose name is
 * none of their exports and not in NAMED_FOR_CONTENT. A file with no export (a script) is left out.
 */
export function findMisnamedFiles(root: string): MisnamedFile[] {
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  })
    .split("\n")
    .filter((path) => COVERED.test(path) && existsSync(join(root, path)));
  return (
    [...new Set(files)]
      .filter((path) => !isListed(path, NAMED_FOR_CONTENT))
      .map((path) => ({ path, text: readFileSync(join(root, path), "utf8") }))
      // Most files declare the export they are named for plainly: no need to parse those.
      .filter(({ path, text }) => !declaresPlainly(basename(path), text))
      .map(({ path, text }) => ({ path, exports: exportedNames(text, path) }))
      .filter(({ path, exports }) => exports.length > 0 && !namedForAnExport(basename(path), exports))
      .sort((a, b) => a.path.localeCompare(b.path))
  );
}
