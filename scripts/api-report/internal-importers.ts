import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

const INTERNAL = "@friendli-ts/client/internal";

/**
 * The names an entry file re-exports, from its `export { ... } from "..."` lists (`type` and `as`
 * read). A list without `from` exports a local namespace of the types the signatures name
 * (`InternalTypes`): no sibling needs to import it, and no-forgotten-exports.test.ts holds it to
 * types the entry's signatures name.
 */
export function exportedNames(source: string): string[] {
  const file = ts.createSourceFile("entry.ts", source, ts.ScriptTarget.Latest);
  const names: string[] = [];
  for (const statement of file.statements) {
    if (!ts.isExportDeclaration(statement) || !statement.exportClause || !statement.moduleSpecifier) continue;
    if (!ts.isNamedExports(statement.exportClause)) continue;
    for (const element of statement.exportClause.elements) names.push(element.name.text);
  }
  return names;
}

/** The names a file imports from the client's internal entry. */
export function importedInternalNames(source: string): string[] {
  const file = ts.createSourceFile("file.ts", source, ts.ScriptTarget.Latest);
  const names: string[] = [];
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (statement.moduleSpecifier.text !== INTERNAL) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) names.push((element.propertyName ?? element.name).text);
    }
  }
  return names;
}

function* tsFiles(dir: string): Generator<string> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name === "node_modules" || entry.name === "dist" || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* tsFiles(path);
    else if (/\.(ts|mts|tsx)$/.test(entry.name)) yield path;
  }
}

/**
 * The names of the client's `/internal` entry that no other package (its source or its
 * tests, nor the tooling) imports: each should be dropped from the entry.
 */
export function unimportedInternalNames(repoRoot: string): string[] {
  const clientDir = join(repoRoot, "packages/client");
  const exported = exportedNames(readFileSync(join(clientDir, "src/internal.ts"), "utf8"));
  const imported = new Set<string>();
  for (const top of ["packages", "tooling", "scripts", "bench", "examples"]) {
    for (const file of tsFiles(join(repoRoot, top))) {
      if (!relative(clientDir, file).startsWith("..")) continue;
      for (const name of importedInternalNames(readFileSync(file, "utf8"))) imported.add(name);
    }
  }
  return exported.filter((name) => !imported.has(name));
}
