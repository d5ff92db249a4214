import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { repoRoot } from "../spec/paths.ts";
import { findPublishedEntries } from "./find-published-entries.ts";

// pnpm -s tsx scripts/api-report/count-exports.ts: how many names each published entry
// exports (from the built dist): all names, as the type checker sees the entry's .d.ts,
// and the runtime values among them, as `import()` of its JavaScript sees them; of those
// names, the client's error classes a wrapper re-exports; and the names reachable only as
// members of an exported namespace (`InferenceTypes.ChatApi`), which are not counted as names.
const entries = findPublishedEntries(repoRoot);
const program = ts.createProgram(
  entries.map((e) => e.typesFile),
  { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true, types: [] },
);
const checker = program.getTypeChecker();
const errorsEntry = entries.find((e) => e.packageName === "@friendli-ts/client" && e.subpath === "./errors");
const errorNames = new Set(
  errorsEntry
    ? checker
        .getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(errorsEntry.typesFile)!)!)
        .map((s) => s.name)
    : [],
);
const rows: string[] = [];
for (const entry of entries) {
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry.typesFile)!)!;
  const exported = checker.getExportsOfModule(moduleSymbol);
  const names = exported.length;
  const errors = entry === errorsEntry ? 0 : exported.filter((s) => errorNames.has(s.name)).length;
  // `import type * as X from "./x.ts"; export type { X }`: an alias of a module.
  const grouped = exported
    .map((s) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s))
    .filter((s) => s.flags & ts.SymbolFlags.ValueModule)
    .reduce((sum, s) => sum + checker.getExportsOfModule(s).length, 0);
  const exportsMap = JSON.parse(readFileSync(join(entry.packageDir, "package.json"), "utf8")).exports;
  const script = join(entry.packageDir, exportsMap[entry.subpath].default);
  const values = Object.keys(await import(pathToFileURL(script).href)).length;
  rows.push(
    `${`${entry.packageName} ${entry.subpath}`.padEnd(34)} ${String(names).padStart(5)} ${String(values).padStart(7)} ${String(names - values).padStart(6)} ${String(errors).padStart(7)} ${String(grouped).padStart(13)}   ${relative(repoRoot, entry.typesFile)}`,
  );
}
console.log(`${"entry".padEnd(34)} names  values  types  errors  in namespaces`);
console.log(rows.join("\n"));
