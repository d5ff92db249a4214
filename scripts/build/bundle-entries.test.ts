import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const bundleEntries = join(import.meta.dirname, "bundle-entries.mjs");

// Three entries: `a` and `b` share a helper that uses an error class, `c` exports the class
// alone; so esbuild makes a helper chunk that imports an errors chunk, the shape in which it
// adds bare chunk imports to `a` and `b`.
const sources: Record<string, string> = {
  "errors.ts": "export class Oops extends Error {}\n",
  "helper.ts": 'import { Oops } from "./errors.ts";\nexport const fail = () => new Oops("no");\n',
  "a.ts": 'export { fail } from "./helper.ts";\n',
  "b.ts": 'export { fail as failToo } from "./helper.ts";\n',
  "c.ts": 'export { Oops } from "./errors.ts";\n',
};

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bundle-entries-"));
  mkdirSync(join(dir, "src"));
  for (const [name, text] of Object.entries(sources)) writeFileSync(join(dir, "src", name), text);
  const exports = Object.fromEntries(
    ["a", "b", "c"].map((name) => [`./${name}`, { source: `./src/${name}.ts`, default: `./dist/${name}.js` }]),
  );
  const manifest = { name: "bundled", type: "module", sideEffects: false, exports };
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest));
  execFileSync(process.execPath, [bundleEntries], { cwd: dir, stdio: "pipe" });
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("bundle-entries", () => {
  it("writes no bare chunk import, so a user's bundler has nothing to drop and warn about", async () => {
    const files = readdirSync(join(dir, "dist"), { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".js"),
    );
    expect(files.some((file) => file.startsWith("chunks"))).toBe(true);
    for (const file of files) {
      expect(readFileSync(join(dir, "dist", file), "utf8"), file).not.toMatch(/^import "[^"]+";$/m);
    }
    writeFileSync(join(dir, "app.js"), 'import { fail } from "./dist/a.js";\nconsole.log(fail());\n');
    const result = await build({ entryPoints: [join(dir, "app.js")], bundle: true, write: false, logLevel: "silent" });
    expect(result.warnings.map((warning) => warning.text)).toEqual([]);
  });

  it("the entries still load their chunks and share one class", async () => {
    const a = (await import(pathToFileURL(join(dir, "dist/a.js")).href)) as { fail: () => Error };
    const c = (await import(pathToFileURL(join(dir, "dist/c.js")).href)) as { Oops: new () => Error };
    expect(a.fail()).toBeInstanceOf(c.Oops);
  });
});
