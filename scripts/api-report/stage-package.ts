import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import ts from "typescript";

/**
 * Where the generated modules' exports seem to come from in a report: a specifier that
 * resolves nowhere, so api-extractor shows an import from it and reads no further.
 */
export const generatedSpecifier = (file: string) => `#generated/${basename(file, ".d.ts")}`;

/** The names a declaration file exports, sorted: what its stub re-exports. */
export function exportedNames(declarationText: string): string[] {
  const source = ts.createSourceFile("x.d.ts", declarationText, ts.ScriptTarget.Latest, false);
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) names.add(element.name.text);
      continue;
    }
    const exported = ts.canHaveModifiers(statement)
      ? ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
      : false;
    if (!exported) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
      }
    } else if ("name" in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)) {
      names.add((statement.name as ts.Identifier).text);
    }
  }
  return [...names].sort();
}

function declarationFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const path = join(dir, item.name);
    if (item.isDirectory()) return declarationFiles(path);
    return item.name.endsWith(".d.ts") ? [path] : [];
  });
}

/**
 * Copies a package's `package.json` and built `.d.ts` files into `stagedDir`, its
 * `node_modules` linked so imports of other packages resolve as before. Each file under
 * `dist/generated/` becomes a stub that only names its exports: those modules are made from
 * the OpenAPI spec at build time, and nothing made from the spec is committed, so a report
 * shows which generated names an entry exports but never their content.
 */
export function stagePackage(packageDir: string, stagedDir: string): void {
  mkdirSync(stagedDir, { recursive: true });
  copyFileSync(join(packageDir, "package.json"), join(stagedDir, "package.json"));
  if (existsSync(join(packageDir, "node_modules"))) {
    symlinkSync(join(packageDir, "node_modules"), join(stagedDir, "node_modules"), "dir");
  }
  const dist = join(packageDir, "dist");
  for (const file of declarationFiles(dist)) {
    const target = join(stagedDir, relative(packageDir, file));
    mkdirSync(dirname(target), { recursive: true });
    if (relative(dist, file).split(sep)[0] === "generated") {
      const names = exportedNames(readFileSync(file, "utf8"));
      writeFileSync(target, `export { ${names.join(", ")} } from "${generatedSpecifier(file)}";\n`);
    } else {
      copyFileSync(file, target);
    }
  }
}
