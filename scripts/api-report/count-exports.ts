import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { repoRoot } from "../spec/paths.ts";
import { findPublishedEntries } from "./find-entries.ts";

// pnpm -s tsx scripts/api-report/count-exports.ts: how many names each published entry
// exports (from the built dist): all names, as the type checker sees the entry's .d.ts,
// and the runtime values among them, as `import()` of its JavaScript sees them.
const entries = findPublishedEntries(repoRoot);
const program = ts.createProgram(
  entries.map((e) => e.typesFile),
  { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true, types: [] },
);
const checker = program.getTypeChecker();
const rows: string[] = [];
for (const entry of entries) {
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry.typesFile)!)!;
  const names = checker.getExportsOfModule(moduleSymbol).length;
  const exportsMap = JSON.parse(readFileSync(join(entry.packageDir, "package.json"), "utf8")).exports;
  const script = join(entry.packageDir, exportsMap[entry.subpath].default);
  const values = Object.keys(await import(pathToFileURL(script).href)).length;
  rows.push(
    `${`${entry.packageName} ${entry.subpath}`.padEnd(34)} ${String(names).padStart(5)} ${String(values).padStart(7)} ${String(names - values).padStart(6)}   ${relative(repoRoot, entry.typesFile)}`,
  );
}
console.log(`${"entry".padEnd(34)} names  values  types`);
console.log(rows.join("\n"));
