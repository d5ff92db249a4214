import { describe, expect, it } from "vitest";
import { createFriendliDatasets } from "../../packages/datasets/src/index.ts";
import { createFriendliEndpoints } from "../../packages/endpoints/src/index.ts";
import { createFriendliInference } from "../../packages/inference/src/index.ts";
import { repoRoot } from "../spec/paths.ts";
import { helperMethods, lowLevelMembers } from "./helper-methods.ts";
import { loadMethodTables } from "./method-tables.ts";

/** The dotted path of every function a facade object holds. */
function functionPaths(value: unknown, prefix = "", seen = new Set<unknown>()): string[] {
  if (typeof value !== "object" || value === null || seen.has(value)) return [];
  seen.add(value);
  return Object.entries(value).flatMap(([key, member]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof member === "function" ? [path] : functionPaths(member, path, seen);
  });
}

describe("helperMethods", () => {
  it("covers every method of each facade that is not in the package's operation table", async () => {
    const tables = await loadMethodTables(repoRoot);
    const options = { token: "t", baseURL: "http://127.0.0.1:9" };
    const facades = {
      inference: createFriendliInference(options),
      endpoints: createFriendliEndpoints(options),
      datasets: createFriendliDatasets(options),
    };
    for (const [pkg, facade] of Object.entries(facades)) {
      const known = new Set([
        ...Object.values(tables.operations[pkg] ?? {}),
        ...Object.keys(tables.helpers[pkg] ?? {}),
      ]);
      const missing = functionPaths(facade).filter((path) => !known.has(path) && !lowLevelMembers.test(path));
      expect(missing, `${pkg}: add these to scripts/spec-diff/helper-methods.ts`).toEqual([]);
    }
  });

  it("names only methods the operation tables hold", async () => {
    const tables = await loadMethodTables(repoRoot);
    for (const [pkg, helpers] of Object.entries(helperMethods)) {
      const methods = new Set(Object.values(tables.operations[pkg] ?? {}));
      for (const [helper, calls] of Object.entries(helpers)) {
        const prefixes = helper.startsWith("*.") ? ["serverless", "dedicated", "container"] : [""];
        const whole = prefixes.filter((p) => calls.every((c) => methods.has(p ? c.replace("*", p) : c)));
        expect(whole, `${pkg} ${helper}`).not.toEqual([]);
      }
    }
  });
});
