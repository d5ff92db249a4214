import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The bytes of files and folders as they are now, to put back if a later step fails. */
export interface Snapshot {
  restore(): void;
}

function readTree(path: string, into: Map<string, Buffer | null>) {
  if (!existsSync(path)) return void into.set(path, null);
  if (statSync(path).isDirectory()) {
    into.set(path, null);
    for (const name of readdirSync(path)) readTree(join(path, name), into);
  } else {
    into.set(path, readFileSync(path));
  }
}

/** Copies `paths` (files or folders) in memory; restore() makes them exactly so again. */
export function snapshotFiles(paths: string[]): Snapshot {
  const saved = new Map<string, Buffer | null>();
  const existed = new Map(paths.map((p) => [p, existsSync(p)]));
  for (const path of paths) readTree(path, saved);
  return {
    restore() {
      for (const path of paths) {
        rmSync(path, { recursive: true, force: true });
        if (!existed.get(path)) continue;
        for (const [file, bytes] of saved) {
          if (file !== path && !file.startsWith(`${path}/`)) continue;
          if (bytes === null) mkdirSync(file, { recursive: true });
          else {
            mkdirSync(dirname(file), { recursive: true });
            writeFileSync(file, bytes);
          }
        }
      }
    },
  };
}
