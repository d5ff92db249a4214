import type { OperationId } from "@friendli-ts/client/internal";
import { datasetMethods } from "./dataset-operations.ts";
import { fileMethods } from "./file-operations.ts";
import { sampleMethods } from "./sample-operations.ts";
import { splitMethods } from "./split-operations.ts";
import { versionMethods } from "./version-operations.ts";

/**
 * Which method of `createFriendliDatasets()` calls each operation of the spec. Each file of methods
 * lists its own, so a new method and its line are one edit. Read by `pnpm spec:check`, so an
 * operation added upstream cannot go unnoticed.
 */
export const operationMethods = {
  ...datasetMethods,
  ...versionMethods,
  ...splitMethods,
  ...sampleMethods,
  ...fileMethods,
} as const satisfies Partial<Record<OperationId, string>>;
