import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { helperMethods } from "./helper-methods.ts";

/**
 * What calls what, read from a checkout: each wrapper package's operation -> method table,
 * the helpers on top of those methods, the CLI's command -> methods table and the AI SDK's
 * model kind -> inference methods table. Methods are named `<package>.<method>`
 * (`endpoints.cost.get`), the package without its scope.
 */
export interface MethodTables {
  /** Package short name -> operationId -> method path. */
  operations: Record<string, Record<string, string>>;
  /** Package short name -> helper path -> the table's method paths it calls. */
  helpers: Record<string, Record<string, string[]>>;
  /** `friendli` command (`cost`, `endpoints list`) -> methods. */
  commands: Record<string, readonly string[]>;
  /** AI SDK model kind -> inference method paths (`dedicated.embeddings.create`). */
  modelKinds: Record<string, readonly string[]>;
}

const importTable = async (file: string, name: string) =>
  existsSync(file) ? ((await import(pathToFileURL(file).href)) as Record<string, unknown>)[name] : undefined;

/** `*` in a helper stands for each deployment whose methods it needs all exist. */
function expandHelpers(table: Record<string, string>, helpers: Record<string, readonly string[]>) {
  const methods = new Set(Object.values(table));
  const out: Record<string, string[]> = {};
  const prefixes = [...new Set([...methods].map((m) => m.split(".")[0] as string))];
  for (const [helper, calls] of Object.entries(helpers)) {
    for (const prefix of helper.startsWith("*.") ? prefixes : [""]) {
      const fill = (s: string) => (prefix ? s.replace(/^\*/, prefix) : s);
      const expanded = calls.map(fill).filter((m) => methods.has(m));
      if (expanded.length) out[fill(helper)] = expanded;
    }
  }
  return out;
}

export async function loadMethodTables(repoRoot: string): Promise<MethodTables> {
  const packagesDir = join(repoRoot, "packages");
  const tables: MethodTables = { operations: {}, helpers: {}, commands: {}, modelKinds: {} };
  for (const dir of readdirSync(packagesDir).sort()) {
    const pkgFile = join(packagesDir, dir, "package.json");
    if (!existsSync(pkgFile)) continue;
    const short = (JSON.parse(readFileSync(pkgFile, "utf8")) as { name: string }).name.replace(/^@[^/]+\//, "");
    const src = join(packagesDir, dir, "src");
    const operations = await importTable(join(src, "operation-methods.ts"), "operationMethods");
    if (operations) {
      tables.operations[short] = operations as Record<string, string>;
      tables.helpers[short] = expandHelpers(operations as Record<string, string>, helperMethods[short] ?? {});
    }
    const commands = await importTable(join(src, "command-methods.ts"), "commandMethods");
    if (commands) tables.commands = commands as MethodTables["commands"];
    const kinds = await importTable(join(src, "model-kind-methods.ts"), "modelKindMethods");
    if (kinds) tables.modelKinds = kinds as MethodTables["modelKinds"];
  }
  return tables;
}
