// Builds a runtime package's JavaScript: one file per published entry (`exports`), with the
// code the entries share in chunks, dependencies left as imports. Node loads one file where it
// loaded a hundred, so a cold import costs a fraction; a user's bundler still drops what the
// app does not use. Declarations stay tsc's, one per source file (`tsc --emitDeclarationOnly`).
// Plain JavaScript, run from the package folder by its `build` script:
//   node ../../scripts/build/bundle-entries.mjs
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { build } from "esbuild";

const manifest = JSON.parse(readFileSync("package.json", "utf8"));

/** `{ "generated/routes": "src/generated/routes.ts", ... }`: each entry's output name and its source. */
function entryPoints(exports) {
  const entries = {};
  for (const [key, target] of Object.entries(exports)) {
    if (typeof target !== "object" || !target.source || !target.default) continue;
    const out = target.default.replace(/^\.\/dist\//, "").replace(/\.js$/, "");
    if (out === target.default) throw new Error(`${manifest.name} ${key}: default is not under ./dist/`);
    entries[out] = target.source;
  }
  return entries;
}

const external = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})].flatMap(
  (name) => [name, `${name}/*`],
);

/**
 * esbuild repeats, in every file, a bare `import "./chunks/chunk-X.js"` of each chunk the
 * chunks it imports load in turn (so a browser can fetch them at once). The package says
 * `"sideEffects": false`, so a user's bundler drops those lines and warns once per line, and
 * Node gains nothing from them: a chunk whose bindings a file uses is imported by name.
 */
const bareChunkImport = /^import "(?:\.\.?\/)+(?:chunks\/)?chunk-[\w-]+\.js";\n/gm;

const result = await build({
  entryPoints: entryPoints(manifest.exports),
  outdir: "dist",
  bundle: true,
  // Shared modules (the error classes above all) exist once, whichever entry loads them.
  splitting: true,
  chunkNames: join("chunks", "[name]-[hash]"),
  format: "esm",
  platform: "neutral",
  target: "es2022",
  external,
  // Readable output: users step through it, and their bundlers minify.
  minify: false,
  legalComments: "none",
  logLevel: "error",
  write: false,
});

for (const file of result.outputFiles) {
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, file.path.endsWith(".js") ? file.text.replace(bareChunkImport, "") : file.contents);
}
