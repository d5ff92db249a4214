import { methodNamesOf } from "./build-family.ts";
import { FAMILIES } from "./families/family-apis.ts";

/**
 * Which method of `createFriendliInference()` calls each inference operation of the spec, by
 * operationId, read from the family declarations. Read by `pnpm spec:check`, so an operation
 * added upstream cannot go unnoticed.
 */
export const operationMethods: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(FAMILIES).flatMap(methodNamesOf),
);
