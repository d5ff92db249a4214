import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { parse } from "yaml";
import {
  binaryOnlyInUploads,
  mergeStreamVariants,
  type OpenApiDocument,
  type RepairReport,
  repairExamples,
  withoutFragmentPaths,
} from "./normalize-spec.ts";
import { mockSpecFile, normalizedSpecFile, workDir } from "./paths.ts";
import { syncSpec } from "./sync-spec.ts";

/**
 * Sync the pinned spec, then write the normalised and the mock-server documents. Returns the
 * normalised document and the example repairs made (scripts/spec/example-repairs.ts).
 */
export async function prepareSpecWithReport(): Promise<{ doc: OpenApiDocument; repairs: RepairReport }> {
  const { file } = await syncSpec();
  const raw = parse(readFileSync(file, "utf8")) as OpenApiDocument;
  const { doc: repaired, report } = repairExamples(raw);
  const normalized = binaryOnlyInUploads(mergeStreamVariants(repaired));
  mkdirSync(workDir, { recursive: true });
  writeFileSync(normalizedSpecFile, `${JSON.stringify(normalized, null, 2)}\n`);
  writeFileSync(mockSpecFile, `${JSON.stringify(withoutFragmentPaths(normalized), null, 2)}\n`);
  return { doc: normalized, repairs: report };
}

/** Sync the pinned spec, then write the normalised and the mock-server documents. */
export async function prepareSpec(): Promise<OpenApiDocument> {
  return (await prepareSpecWithReport()).doc;
}
