import { describe, expect, it } from "vitest";
import { repoRoot } from "../spec/paths.ts";
import { exportedNames, importedInternalNames, unimportedInternalNames } from "./internal-importers.ts";

describe("the client's /internal entry", () => {
  it("holds only names another package imports", () => {
    expect(unimportedInternalNames(repoRoot)).toEqual([]);
  });

  it("reads export lists and imports of the internal entry, types and renames included", () => {
    const entry =
      'export { a, type B } from "./a.ts";\nexport { c as d } from "./c.ts";\nexport type { E } from "./e.ts";\nexport type { Types };';
    expect(exportedNames(entry)).toEqual(["a", "B", "d", "E"]);
    const file =
      'import { a, type B as Bee } from "@friendli-ts/client/internal";\nimport { x } from "@friendli-ts/client";';
    expect(importedInternalNames(file)).toEqual(["a", "B"]);
  });
});
