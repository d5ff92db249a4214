// `pnpm docs`: the API reference of the published packages, from their sources, into api-docs/
// (git-ignored), with no warning. Each package's typedoc.json lists its public entries (its
// package.json `exports`, less `./internal`, which is for the wrappers only) and the helper
// types its public signatures are built from that are not API themselves
// (`intentionallyNotExported`): a new one there is a decision, the other way being to export it.
import { OptionDefaults } from "typedoc";

/** @type {Partial<import("typedoc").TypeDocOptions>} */
export default {
  name: "friendli-ts",
  entryPointStrategy: "packages",
  entryPoints: ["packages/client", "packages/inference", "packages/endpoints", "packages/datasets"],
  packageOptions: {
    // The packages' own typecheck covers errors; this keeps the run short.
    skipErrorChecking: true,
    // openapi-typescript writes the spec's descriptions and constants with these tags.
    blockTags: [...OptionDefaults.blockTags, "@description", "@constant"],
  },
  out: "api-docs",
  treatWarningsAsErrors: true,
};
