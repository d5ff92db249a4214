import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packWorkspacePackages } from "./pack-workspace-packages.ts";
import { repoRoot, runCommand } from "./run-command.ts";
import { typescriptCompiler } from "./typescript-compiler.ts";

/*
 * The packed declarations as a user's compiler reads them: the four libraries are packed, installed
 * with npm into a fresh project, and a small app (fixtures/typed-app.ts) plus an import of every
 * entry they export is compiled with `skipLibCheck: false`, so every .d.ts of the packages is
 * checked. Two projects: a Node app (`nodenext`, @types/node, no DOM lib) and a bundled web app
 * (`bundler`, the DOM lib, no @types/node).
 *
 * The README's floor is FLOOR: from it to NEWEST, both projects compile without an error (the
 * workspace's own 5.9 lies between them, and emitted these files). From OWN_FLOOR on, the SDK's
 * own declarations compile too: below FLOOR the only errors are inside openapi-fetch's (a
 * dependency of the client, whose `Client` type `createFriendliFetchClient` returns), which
 * need 5.4. Compilers come from the registry, installed once into `.typescript/` and reused;
 * two compile at a time. About 17 s of CPU in all, most of it the JavaScript compilers
 * checking the generated spec types.
 */

const OWN_FLOOR = "5.0.4";
const FLOOR = "5.4.5";
const NEWEST = "7.0.2";
/** Where the errors of a compiler below FLOOR may be, and nowhere else. */
const BELOW_FLOOR_ERRORS = /^node_modules\/(openapi-fetch|openapi-typescript-helpers)\//;

const PACKAGES = ["client", "inference", "endpoints", "datasets"] as const;

const common = { target: "es2022", strict: true, skipLibCheck: false, noEmit: true };
const PROJECTS = {
  node: { ...common, module: "nodenext", moduleResolution: "nodenext", lib: ["es2022"], types: ["node"] },
  bundler: {
    ...common,
    module: "esnext",
    moduleResolution: "bundler",
    lib: ["es2022", "dom", "dom.iterable"],
    types: [],
  },
} as const;
type Project = keyof typeof PROJECTS;

/** The compiles the tests read, each started once, two at a time (one per core). */
const RUNS = [
  [FLOOR, "node"],
  [FLOOR, "bundler"],
  [NEWEST, "node"],
  [NEWEST, "bundler"],
  [OWN_FLOOR, "bundler"],
] as const satisfies readonly (readonly [string, Project])[];

let root: string;
let app: string;
const compilers = new Map<string, string>();
const compiled = new Map<string, Promise<string[]>>();

beforeAll(async () => {
  root = realpathSync(mkdtempSync(join(tmpdir(), "friendli-typescript-versions-")));
  mkdirSync(join(root, "packs"));
  app = join(root, "app");
  mkdirSync(app);
  const [tarballs] = await Promise.all([
    packWorkspacePackages(PACKAGES, join(root, "packs")),
    ...[OWN_FLOOR, FLOOR, NEWEST].map(async (version) => compilers.set(version, await typescriptCompiler(version))),
  ]);

  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "typed-app", private: true, type: "module" }));
  const types = `@types/node@${workspaceVersion("@types/node")}`;
  const flags = ["--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"];
  await runCommand("npm", ["install", ...Object.values(tarballs), types, ...flags], app, 120_000);

  // Every entry of every package, so no declaration file is left out of the check.
  const entries = PACKAGES.flatMap((name) => {
    const manifest = readJson(join(app, "node_modules/@friendli-ts", name, "package.json"));
    return Object.keys(manifest.exports as object)
      .filter((key) => key !== "./package.json")
      .map((key) => `@friendli-ts/${name}${key.slice(1)}`);
  });
  writeFileSync(
    join(app, "entries.ts"),
    `${entries.map((entry, i) => `import * as entry${i} from "${entry}";`).join("\n")}\n` +
      `export const entries = [${entries.map((_, i) => `entry${i}`).join(", ")}];\n`,
  );
  copyFileSync(new URL("./fixtures/typed-app.ts", import.meta.url), join(app, "app.ts"));
  for (const [project, compilerOptions] of Object.entries(PROJECTS)) {
    const tsconfig = { compilerOptions, files: ["app.ts", "entries.ts"] };
    writeFileSync(join(app, `tsconfig.${project}.json`), JSON.stringify(tsconfig, null, 2));
  }
  const lanes: Promise<unknown>[] = [Promise.resolve(), Promise.resolve()];
  RUNS.forEach(([version, project], i) => {
    const run = (lanes[i % lanes.length] as Promise<unknown>).then(() => compileErrors(version, project));
    lanes[i % lanes.length] = run.catch(() => {});
    compiled.set(`${version} ${project}`, run);
  });
}, 300_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, "utf8"));
}

function workspaceVersion(name: string): string {
  return readJson(join(repoRoot, "tooling/pack-install/node_modules", name, "package.json")).version as string;
}

/**
 * Each error the compiler reports on the project, as `file(line,col): TSnnnn` with the path from
 * the app (or `tsc: TSnnnn ...` for one about the options), and a failure with no error named.
 */
async function compileErrors(version: string, project: Project): Promise<string[]> {
  const tsc = compilers.get(version);
  if (!tsc) throw new Error(`no compiler for TypeScript ${version}`);
  const args = [tsc, "-p", `tsconfig.${project}.json`, "--pretty", "false"];
  const { output, failed } = await runCommand(process.execPath, args, app, 120_000).then(
    ({ stdout }) => ({ output: stdout, failed: false }),
    (error: Error) => ({ output: error.message, failed: true }),
  );
  const errors = [...output.matchAll(/^(?:(\S[^\n(]*)\((\d+),(\d+)\): )?error (TS\d+)(.*)$/gm)].map(
    ([, file, line, col, code, message]) =>
      file ? `${relative(app, join(app, file))}(${line},${col}): ${code}` : `tsc: ${code}${message}`,
  );
  return failed && errors.length === 0 ? [`tsc failed without naming an error: ${output}`] : errors;
}

function errorsOf(version: string, project: Project): Promise<string[]> {
  const run = compiled.get(`${version} ${project}`);
  if (!run) throw new Error(`TypeScript ${version} on the ${project} project is not in RUNS`);
  return run;
}

describe.each(Object.keys(PROJECTS) as Project[])("the packed declarations in a %s project", (project) => {
  it.for([FLOOR, NEWEST])("compile on TypeScript %s with skipLibCheck: false", async (version) => {
    expect(await errorsOf(version, project)).toEqual([]);
  });
});

it(`below ${FLOOR}, on ${OWN_FLOOR}: the only errors are in openapi-fetch's own declarations`, async () => {
  const errors = await errorsOf(OWN_FLOOR, "bundler");
  expect(errors.filter((error) => !BELOW_FLOOR_ERRORS.test(error))).toEqual([]);
});

it("the README states the floor this test holds", () => {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const minor = (version: string) => version.split(".").slice(0, 2).join(".");
  const row = readme.split("\n").find((line) => line.startsWith("| TypeScript"));
  expect(row, "a TypeScript row in the README's support table").toBeDefined();
  for (const version of [OWN_FLOOR, FLOOR, NEWEST]) expect(row).toContain(minor(version));
});
