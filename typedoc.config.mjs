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
  entryPoints: [
    "packages/client",
    "packages/inference",
    "packages/endpoints",
    "packages/datasets",
    "packages/ai-sdk",
    "packages/testing",
  ],
  packageOptions: {
    // The packages' own typecheck covers errors; this keeps the run short.
    skipErrorChecking: true,
    // openapi-typescript writes the spec's descriptions and constants with these tags.
    blockTags: [...OptionDefaults.blockTags, "@description", "@constant"],
    // Source links name the repository directly: a clone's remote may be a local path.
    sourceLinkTemplate: "https://github.com/friendli-ts/friendli-ts/blob/{gitRevision}/{path}#L{line}",
  },
  // The mock's README shows how a Python client reaches it.
  highlightLanguages: [...OptionDefaults.highlightLanguages, "python"],
  out: "api-docs",
  treatWarningsAsErrors: true,
};
