import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import { rawSpecFile, sharedSpecFile } from "./paths.ts";
import { readSpecSource } from "./read-spec-source.ts";
import { sha256Hex } from "./sha256-hex.ts";
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

export interface SyncSpecOptions {
  /** A path or URL; default: chooseSpecSource(). */
  source?: string;
  /** Where the pin is read from; default: spec/spec-lock.json. */
  lockFile?: string;
  /** Where the verified copy goes; default: .spec/friendli-openapi.yaml. */
  target?: string;
}

/**
 * Materialises the pinned spec after checking its sha256. Skips the read when the target
 * already has the pinned digest. A missing file or another digest is an error that says
 * what to do; there is no fallback to another source.
 */
export async function syncSpec(
  options: SyncSpecOptions = {},
): Promise<{ file: string; source: string; fresh: boolean }> {
  const source = options.source ?? chooseSpecSource();
  const target = options.target ?? rawSpecFile;
  const lock = readSpecLock(options.lockFile);
  if (existsSync(target) && sha256Hex(readFileSync(target)) === lock.sha256) {
    return { file: target, source, fresh: false };
  }
  const bytes = await readSpecSource(source);
  const digest = sha256Hex(bytes);
  if (digest !== lock.sha256) {
    throw new SpecSyncError(
      `the spec from ${source} has sha256 ${digest}, but spec/spec-lock.json pins ${lock.sha256}. ` +
        "Use the pinned file, or take the new one on purpose with the spec update command.",
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes);
  return { file: target, source, fresh: true };
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
