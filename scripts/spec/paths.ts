import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Where the spec pipeline reads and writes. Everything under `.spec/` is git-ignored. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const specLockFile = join(repoRoot, "spec/spec-lock.json");
export const workDir = join(repoRoot, ".spec");
/** The pinned spec, byte for byte as published. */
export const rawSpecFile = join(workDir, "friendli-openapi.yaml");
/** The spec after normalisation: the input of codegen. */
export const normalizedSpecFile = join(workDir, "friendli-openapi.normalized.json");
/** What the mock server serves: the normalised spec without the `#stream` path keys. */
export const mockSpecFile = join(workDir, "friendli-openapi.mock.json");
/** The copy beside the checkout on developer machines and CI. */
export const sharedSpecFile = resolve(repoRoot, "../shared/spec/friendli-openapi.yaml");
export const generatedDir = join(repoRoot, "packages/client/src/generated");
/** The drift check's copy of the answers' schemas, in @friendli-ts/testing. */
export const testingGeneratedDir = join(repoRoot, "packages/testing/src/generated");
