import type { OperationId } from "@friendli-ts/client/internal";
import { endpointMethods } from "./endpoint-operations.ts";
import { teamCostMethods } from "./team-cost.ts";
import { teamUsageMethods } from "./team-usage.ts";

/**
 * Which method of `createFriendliEndpoints()` calls each operation of the spec. Each file of methods
 * lists its own, so a new method and its line are one edit. Read by `pnpm spec:check`, so an
 * operation added upstream cannot go unnoticed.
 */
export const operationMethods = {
  ...endpointMethods,
  ...teamCostMethods,
  ...teamUsageMethods,
} as const satisfies Partial<Record<OperationId, string>>;
