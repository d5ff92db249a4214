import { existsSync, readFileSync } from "node:fs";
import { normalizedSpecFile } from "@friendli-ts/scripts/paths";
import { prepareSpec } from "@friendli-ts/scripts/prepare-spec";

type SpecPaths = Record<string, Record<string, { operationId?: string; tags?: string[] } | undefined>>;

/**
 * The spec's operationIds by their first tag, in spec order, read from the workspace's
 * normalised spec (prepared first if needed): how a contract test lists the operations of its
 * package. The generated route table leaves tags out, as every bundle with the table would carry them.
 */
export async function operationIdsByTag(): Promise<Map<string, string[]>> {
  if (!existsSync(normalizedSpecFile)) await prepareSpec();
  const { paths } = JSON.parse(readFileSync(normalizedSpecFile, "utf8")) as { paths: SpecPaths };
  const byTag = new Map<string, string[]>();
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item)) {
      if (!operation?.operationId) continue;
      const tag = operation.tags?.[0] ?? "default";
      byTag.set(tag, [...(byTag.get(tag) ?? []), operation.operationId]);
    }
  }
  return byTag;
}
