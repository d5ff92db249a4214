import { build } from "esbuild";

/** The source files of a split app bundle: those in what it loads at start, and those it loads later. */
export interface SplitBundleInputs {
  atStart: string[];
  later: string[];
}

/**
 * Bundles `app` (ESM source, imports resolved from `resolveDir`, workspace packages from
 * their `src` through the `source` condition) for the browser with code splitting, as an
 * app's bundler does: what is imported with `import()` goes to chunks loaded on first use.
 * Gives which source files end up in the app's start (its file and what that imports
 * statically) and which only in the chunks loaded later.
 */
export async function splitBundleInputs(app: string, resolveDir: string): Promise<SplitBundleInputs> {
  const result = await build({
    stdin: { contents: app, resolveDir, loader: "js" },
    bundle: true,
    splitting: true,
    outdir: "out",
    format: "esm",
    platform: "browser",
    conditions: ["source"],
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const { outputs } = result.metafile;
  const names = Object.keys(outputs);
  const start = new Set<string>();
  const visit = (name: string) => {
    if (start.has(name)) return;
    start.add(name);
    for (const link of outputs[name]?.imports ?? []) if (link.kind === "import-statement") visit(link.path);
  };
  const entry = names.find((name) => outputs[name]?.entryPoint !== undefined);
  if (!entry) throw new Error("splitBundleInputs: esbuild gave no entry output");
  visit(entry);
  const inputsOf = (files: string[]) => files.flatMap((name) => Object.keys(outputs[name]?.inputs ?? {}));
  return {
    atStart: inputsOf(names.filter((name) => start.has(name))),
    later: inputsOf(names.filter((name) => !start.has(name))),
  };
}
