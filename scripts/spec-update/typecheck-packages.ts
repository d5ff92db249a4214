import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { TypeErrorEntry } from "./update-spec.ts";

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const ERROR_LINE = /^(.+?)\((\d+),\d+\): error TS\d+: (.*)$/;

function run(cwd: string): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, "--noEmit", "-p", "tsconfig.json"], { cwd });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.on("close", () => resolve(out));
  });
}

/** Type-checks every package under `packagesDir`; returns each error with its file. */
export async function typecheckPackages(packagesDir: string): Promise<TypeErrorEntry[]> {
  const dirs = readdirSync(packagesDir)
    .map((name) => join(packagesDir, name))
    .filter((dir) => existsSync(join(dir, "tsconfig.json")));
  const results = await Promise.all(
    dirs.map(async (dir) => {
      const name = (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name: string }).name;
      const output = await run(dir);
      return output.split("\n").flatMap((line) => {
        const m = ERROR_LINE.exec(line.trim());
        return m ? [{ package: name, file: m[1] as string, line: Number(m[2]), message: m[3] as string }] : [];
      });
    }),
  );
  return results.flat();
}
