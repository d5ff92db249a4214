import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { rawSpecFile, sharedSpecFile, workDir } from "./paths.ts";
import { readSpecSource } from "./read-spec-source.ts";
import { sha256Hex } from "./sha256.ts";
import { readSpecLock } from "./spec-lock.ts";
import { SpecSyncError } from "./spec-sync-error.ts";

/**
 * Picks where the spec comes from: FRIENDLI_SPEC_SOURCE (path or URL) when set, else the
 * copy in ../shared beside the checkout, else the pinned upstream URL.
 */
export function chooseSpecSource(env = process.env): string {
  if (env.FRIENDLI_SPEC_SOURCE) return env.FRIENDLI_SPEC_SOURCE;
  if (existsSync(sharedSpecFile)) return sharedSpecFile;
  return readSpecLock().upstream;
}

/**
 * Materialises the pinned spec into `.spec/` after checking its sha256.
 * Skips the read when the file already there has the pinned digest.
 */
export async function syncSpec(source = chooseSpecSource()): Promise<{ file: string; source: string; fresh: boolean }> {
  const lock = readSpecLock();
  if (existsSync(rawSpecFile) && sha256Hex(readFileSync(rawSpecFile)) === lock.sha256) {
    return { file: rawSpecFile, source, fresh: false };
  }
  const bytes = await readSpecSource(source);
  const digest = sha256Hex(bytes);
  if (digest !== lock.sha256) {
    throw new SpecSyncError(
      `the spec from ${source} has sha256 ${digest}, but spec/spec-lock.json pins ${lock.sha256}. ` +
        "Use the pinned file, or take the new one on purpose with the spec update command.",
    );
  }
  mkdirSync(workDir, { recursive: true });
  writeFileSync(rawSpecFile, bytes);
  return { file: rawSpecFile, source, fresh: true };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  syncSpec().then(
    ({ file, source, fresh }) => console.log(`${fresh ? "synced" : "up to date"}: ${file} (from ${source})`),
    (error) => {
      console.error(`spec sync failed: ${error.message}`);
      process.exit(1);
    },
  );
}
