import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readRoutePolicies } from "../codegen/route-policies.ts";
import { repoRoot } from "../spec/paths.ts";

/**
 * The operation ids named by each file a person keeps beside the pin: retry decisions, stream
 * rules, operations left to the low-level client on purpose.
 */
export function handKeptLists(root = repoRoot): Record<string, string[]> {
  const policies = readRoutePolicies(root);
  const lowLevelOnly = JSON.parse(readFileSync(join(root, "spec/low-level-only.json"), "utf8")) as object;
  return {
    "spec/retry-policy.json": Object.keys(policies.retry),
    "spec/stream-rules.json": Object.keys(policies.streams.operations),
    "spec/low-level-only.json": Object.keys(lowLevelOnly),
  };
}

/**
 * Entries naming an operation the spec no longer has. They harm nothing generated, but a
 * person removes each (and the decision it held): `pnpm spec:check` fails until then, and the
 * pull request of `pnpm spec:update` lists them.
 */
export function staleEntries(lists: Record<string, string[]>, known: ReadonlySet<string>): string[] {
  return Object.entries(lists).flatMap(([file, ids]) =>
    ids.filter((id) => !known.has(id)).map((id) => `${file} lists ${id}, which is not in the spec`),
  );
}
