import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { type BlockModule, chainBlockModules } from "./chain-block-modules.ts";
import { extractReadmeBlocks } from "./extract-readme-blocks.ts";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
/** Where the blocks are written (git-ignored), inside this package so they resolve its dependencies. */
export const blocksDir = fileURLToPath(new URL("../.readme-blocks/", import.meta.url));

/** Every README's blocks as written to disk. */
export interface WrittenBlocks {
  /** The folder holding them and their `tsconfig.json`. */
  dir: string;
  readmes: WrittenReadme[];
}

/** One README's blocks as written to disk. */
export interface WrittenReadme {
  readme: string;
  dir: string;
  modules: BlockModule[];
  /** The module that imports the runnable blocks in order; undefined when none runs. */
  runFile: string | undefined;
}

/**
 * The compiler options of a plain user project: strict, ESM on Node, the packages' published
 * types from their `dist` (no `source` condition), no DOM library.
 */
const USER_TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2023"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    types: ["node"],
    strict: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    noEmit: true,
    allowImportingTsExtensions: true,
  },
  include: ["**/*.ts"],
};

/** The repository's READMEs, relative to its root: the root one and each workspace package's. */
export function findReadmes(root = repoRoot): string[] {
  const workspace = parse(readFileSync(join(root, "pnpm-workspace.yaml"), "utf8")) as { packages: string[] };
  const dirs = workspace.packages.flatMap((entry) =>
    entry.endsWith("/*")
      ? readdirSync(join(root, entry.slice(0, -2)), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => join(entry.slice(0, -2), d.name))
      : [entry],
  );
  return ["README.md", ...dirs.sort().map((dir) => join(dir, "README.md"))].filter((f) => existsSync(join(root, f)));
}

export interface WriteOptions {
  /** The folder the README paths are relative to; default the repository's root. */
  root?: string;
  /** Default: every README of the repository. */
  readmes?: string[];
  /** Emptied first; default `blocksDir`. */
  outDir?: string;
}

/**
 * Writes every TypeScript block of the READMEs to `outDir`: one folder per README
 * (`packages-inference/block-03.ts`, ...), a `run.ts` per README that has runnable blocks,
 * and a `tsconfig.json`, so `tsc -p tooling/docs-check/.readme-blocks` checks them.
 */
export function writeReadmeBlocks({
  root = repoRoot,
  readmes = findReadmes(root),
  outDir = blocksDir,
}: WriteOptions = {}): WrittenBlocks {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "tsconfig.json"), `${JSON.stringify(USER_TSCONFIG, null, 2)}\n`);
  const written = readmes.flatMap((readme) => {
    const blocks = extractReadmeBlocks(readFileSync(join(root, readme), "utf8"), readme);
    if (blocks.length === 0) return [];
    const dir = join(outDir, folderName(readme));
    mkdirSync(dir);
    const modules = chainBlockModules(blocks);
    for (const module of modules) writeFileSync(join(dir, module.file), module.text);
    const runnable = modules.filter((m) => m.block.run);
    const runFile = runnable.length > 0 ? join(dir, "run.ts") : undefined;
    if (runFile) writeFileSync(runFile, runModule(runnable));
    return [{ readme, dir, modules, runFile }];
  });
  return { dir: outDir, readmes: written };
}

/** `README.md` -> `root`, `packages/inference/README.md` -> `packages-inference`. */
function folderName(readme: string): string {
  const dir = dirname(readme);
  return dir === "." ? "root" : dir.replaceAll("/", "-");
}

/** Imports the runnable blocks one after the other, naming the one that throws. */
function runModule(modules: BlockModule[]): string {
  const list = modules.map((m) => `  [${JSON.stringify(`${m.block.readme}:${m.block.line}`)}, "./${m.file}"],`);
  return `// Runs the README's runnable blocks in order (generated).
const blocks: [string, string][] = [
${list.join("\n")}
];
for (const [where, file] of blocks) {
  try {
    await import(file);
  } catch (error) {
    console.error(\`\${where}: this block threw\`);
    throw error;
  }
}
export {};
`;
}

/** A generated block file's line as the README line it came from; undefined for other files. */
export function readmeLocation(written: WrittenBlocks, file: string, line: number): string | undefined {
  for (const readme of written.readmes) {
    const module = readme.modules.find((m) => join(readme.dir, m.file) === file);
    if (module) return `${readme.readme}:${module.block.line + Math.max(0, line - 1 - module.preludeLines)}`;
  }
  return undefined;
}
