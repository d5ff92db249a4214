import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { parse } from "yaml";
import {
  binaryOnlyInUploads,
  mergeStreamVariants,
  type OpenApiDocument,
  withoutFragmentPaths,
} from "./normalize-spec.ts";
import { mockSpecFile, normalizedSpecFile, workDir } from "./paths.ts";
import { syncSpec } from "./sync-spec.ts";

/** Sync the pinned spec, then write the normalised and the mock-server documents. */
export async function prepareSpec(): Promise<OpenApiDocument> {
  const { file } = await syncSpec();
  const raw = parse(readFileSync(file, "utf8")) as OpenApiDocument;
  const normalized = binaryOnlyInUploads(mergeStreamVariants(raw));
  mkdirSync(workDir, { recursive: true });
  writeFileSync(normalizedSpecFile, `${JSON.stringify(normalized, null, 2)}\n`);
  writeFileSync(mockSpecFile, `${JSON.stringify(withoutFragmentPaths(normalized), null, 2)}\n`);
  return normalized;
}
