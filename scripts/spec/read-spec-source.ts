import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { SpecSyncError } from "./spec-sync-error.ts";

export const isUrl = (source: string) => /^https?:\/\//i.test(source);

/** Reads the bytes of a spec given as a file path or an http(s) URL. */
export async function readSpecSource(source: string): Promise<Uint8Array> {
  if (isUrl(source)) {
    let response: Response;
    try {
      response = await fetch(source);
    } catch (error) {
      throw new SpecSyncError(
        `could not download the spec from ${source} (${(error as Error).message}). ` +
          "Set FRIENDLI_SPEC_SOURCE to a local copy of the file instead.",
      );
    }
    if (!response.ok) {
      throw new SpecSyncError(`downloading the spec from ${source} answered HTTP ${response.status}.`);
    }
    return new Uint8Array(await response.arrayBuffer());
  }
  const path = resolve(source);
  if (!existsSync(path)) {
    throw new SpecSyncError(
      `no spec file at ${path}. Point FRIENDLI_SPEC_SOURCE at the Friendli OpenAPI YAML (a path or a URL).`,
    );
  }
  return readFileSync(path);
}
