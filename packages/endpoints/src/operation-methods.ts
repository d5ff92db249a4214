import type { OperationId } from "@friendli-ts/client/internal";

/**
 * Which method of `createFriendliEndpoints()` calls each operation of the spec. Read by
 * `pnpm spec:check`, so an operation added upstream cannot go unnoticed.
 */
export const operationMethods = {
  dedicatedCreateEndpoint: "create",
  dedicatedEndpointWandbArtifactCreate: "createFromWandbArtifact",
  dedicatedListEndpoints: "list",
  dedicatedGetEndpoint: "get",
  dedicatedUpdateEndpoint: "update",
  dedicatedDeleteEndpoint: "delete",
  dedicatedGetEndpointStatus: "status",
  dedicatedGetEndpointVersionHistory: "listVersions",
  dedicatedSleepEndpoint: "sleep",
  dedicatedWakeEndpoint: "wake",
  dedicatedTerminateEndpoint: "terminate",
  dedicatedRestartEndpoint: "restart",
  getCost: "cost.get",
  getUsage: "usage.get",
} as const satisfies Partial<Record<OperationId, string>>;
