import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { TypeErrorEntry } from "./update-spec.ts";

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const ERROR_LINE = /^(.+?)\((\d+),\d+\): error TS\d+: (.*)$/;

function run(
  cwd: string,
  command = process.execPath,
  args = [tsc, "--noEmit", "-p", "tsconfig.json"],
): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.on("close", () => resolve(out));
  });
}

const nameOf = (dir: string) => (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name: string }).name;

/**
 * Type-checks every package under `packagesDir` (or those named in `only`); returns each
 * error with its file. For the testing package, the packages are built first: its tests
 * import its built entry (what a user installs), which a fresh clone does not have yet. A
 * build that fails shows up as the type errors found after it. The others read their
 * dependencies' sources (the `source` condition), so they need no build.
 */
export async function typecheckPackages(packagesDir: string, only?: string[]): Promise<TypeErrorEntry[]> {
  const dirs = readdirSync(packagesDir)
    .map((name) => join(packagesDir, name))
    .filter((dir) => existsSync(join(dir, "tsconfig.json")) && (!only || only.includes(nameOf(dir))));
  if (dirs.some((dir) => nameOf(dir) === "@friendli-ts/testing"))
    await run(join(packagesDir, ".."), "pnpm", ["-s", "turbo", "run", "build", "--filter=./packages/*"]);
  const results = await Promise.all(
    dirs.map(async (dir) => {
      const name = nameOf(dir);
      const output = await run(dir);
      return output.split("\n").flatMap((line) => {
        const m = ERROR_LINE.exec(line.trim());
        return m ? [{ package: name, file: m[1] as string, line: Number(m[2]), message: m[3] as string }] : [];
      });
    }),
  );
  return results.flat();
}
