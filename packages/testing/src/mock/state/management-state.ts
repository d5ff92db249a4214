import type { SpecIndex, SpecOperation } from "../../spec-check/spec-index.ts";
import { checkReply } from "../check-reply.ts";
import { createDatasetState } from "./create-dataset-state.ts";
import { createEndpointState, type MockEndpoints } from "./create-endpoint-state.ts";
import { pathParams } from "./path-params.ts";
import { readStateLimits, StateBudget, type StateLimits } from "./state-limits.ts";
import type { StateAnswer, StateRequest } from "./state-request.ts";

/** The operations whose answers come from the state: the management API's resources. */
const ENDPOINT_OPERATIONS = new Set([
  "dedicatedCreateEndpoint",
  "dedicatedEndpointWandbArtifactCreate",
  "dedicatedListEndpoints",
  "dedicatedGetEndpoint",
  "dedicatedUpdateEndpoint",
  "dedicatedDeleteEndpoint",
  "dedicatedGetEndpointVersionHistory",
  "dedicatedGetEndpointStatus",
  "dedicatedSleepEndpoint",
  "dedicatedWakeEndpoint",
  "dedicatedTerminateEndpoint",
  "dedicatedRestartEndpoint",
]);
const DATASET_OPERATIONS = new Set([
  "create_dataset",
  "list_datasets",
  "get_dataset",
  "delete_dataset",
  "create_version",
  "list_versions",
  "get_version",
  "delete_version",
  "create_split",
  "list_splits",
  "get_split",
  "delete_split",
  "add_samples",
  "list_samples",
  "upload_raw_samples",
  "delete_samples",
]);

export interface ManagementState {
  /**
   * The answer the state gives a request the spec routed to `op` and accepted, or undefined
   * when the operation is not one the state keeps (the caller answers as before).
   */
  answer(op: SpecOperation, request: StateRequest): Promise<StateAnswer | undefined>;
  /** Forgets every endpoint, dataset and sample, and the endpoint schedule. */
  reset(): void;
  endpoints: MockEndpoints;
  /** How much the state holds now, against its limits. */
  held(): { objects: number; bytes: number; limits: StateLimits };
}

/**
 * What the management API's calls create, kept for the next call, per mock: endpoints (their
 * status advancing by a schedule a test may script), datasets, versions, splits and samples.
 * A function of (request, state) to an answer, with no server in it.
 */
export function createManagementState(spec: SpecIndex, limits?: Partial<StateLimits>): ManagementState {
  const budget = new StateBudget(readStateLimits(limits));
  const endpoints = createEndpointState(spec, budget);
  const datasets = createDatasetState(budget);
  return {
    async answer(op, request) {
      const kept = ENDPOINT_OPERATIONS.has(op.operationId)
        ? endpoints
        : DATASET_OPERATIONS.has(op.operationId)
          ? datasets
          : undefined;
      if (!kept) return undefined;
      const params = pathParams(op.path, request.path);
      if (!params) return undefined;
      const answer = await kept.answer(op.operationId, request, params);
      // Each answer is checked like a scripted reply: one that breaks the spec is a bug here,
      // and the proxy turns the throw into a 500 that names the rule.
      if (answer) checkReply(spec, op, { status: answer.status, body: answer.json });
      return answer;
    },
    reset() {
      endpoints.reset();
      datasets.reset();
      budget.clear();
    },
    endpoints: endpoints.control,
    held: () => ({ objects: budget.objects, bytes: budget.bytes, limits: budget.limits }),
  };
}

/** `mock.endpoints` of a mock started with `state: false`: every use says so. */
export const STATE_OFF_ENDPOINTS: MockEndpoints = {
  schedule: stateOff,
  advance: stateOff,
  ids: stateOff,
};

function stateOff(): never {
  throw new Error("mock.endpoints: this mock was started with `state: false`, so it keeps no endpoints");
}
