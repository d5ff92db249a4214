import { readFileSync } from "node:fs";
import { specLockFile } from "./paths.ts";

export interface SpecLock {
  /** File name the spec is stored under in `.spec/`. */
  file: string;
  /** Hex sha256 of the exact bytes the SDK was generated from. */
  sha256: string;
  publishedAt: string;
  /** Where the pinned version can be fetched when no local copy is given. */
  upstream: string;
}

export function readSpecLock(file = specLockFile): SpecLock {
  return JSON.parse(readFileSync(file, "utf8")) as SpecLock;
}
