import type { ClientOptions, FriendliClient, SharedClientOptions } from "@friendli-ts/client";
import { clientFromOptions, coreOf, redactError, secretOf } from "@friendli-ts/client/internal";
import { EndpointIdMissingError } from "./endpoint-id-missing-error.ts";
import { createEndpoint, type EndpointOperations, endpointOperations } from "./endpoint-operations.ts";
import { readTargetStatuses } from "./endpoint-statuses.ts";
import { readCreatedEndpointId } from "./read-created-endpoint-id.ts";
import type { CreateEndpointBody, EndpointStatus, EndpointStatusName, WandbArtifactCreateBody } from "./spec-types.ts";
import { type TeamCost, teamCost } from "./team-cost.ts";
import { type TeamUsage, teamUsage } from "./team-usage.ts";
import { readWaitOptions, type WaitOptions, waitForEndpoint } from "./wait-for-endpoint.ts";

export interface WaitForTargetOptions extends WaitOptions {
  /** Status (or statuses) that end the wait. Default RUNNING. */
  target?: EndpointStatusName | readonly EndpointStatusName[];
}

export interface FriendliEndpoints extends EndpointOperations {
  /**
   * Polls the endpoint's status with backoff until it is `target` (one status or several).
   * Rejects with EndpointFailedError on FAILED/TERMINATED, EndpointWaitTimeoutError after
   * `timeoutMs`, APIUserAbortError on `signal`, EndpointNotFoundError for an unknown id.
   */
  waitFor(
    endpointId: string,
    target: EndpointStatusName | readonly EndpointStatusName[],
    options?: WaitOptions,
  ): Promise<EndpointStatus>;
  /**
   * Creates an endpoint and waits for it (RUNNING unless `target` says otherwise). Needs an
   * endpoint id in the create answer, which the spec does not promise: without one it
   * (or with one no request can carry) it rejects with EndpointIdMissingError, which carries
   * the create answer and its Location header.
   */
  createAndWait(
    body: CreateEndpointBody,
    options?: WaitForTargetOptions,
  ): Promise<{ endpointId: string; status: EndpointStatus }>;
  /** Creates from a W&B artifact (whose answer names the endpoint) and waits for it. */
  createFromWandbArtifactAndWait(
    body: WandbArtifactCreateBody,
    options?: WaitForTargetOptions,
  ): Promise<{ endpointId: string; status: EndpointStatus }>;
  /** Wakes a sleeping endpoint and waits until it serves (RUNNING unless `target` says otherwise). */
  wakeAndWait(endpointId: string, options?: WaitForTargetOptions): Promise<EndpointStatus>;
  /** Team cost (GET /v1/team/cost). */
  readonly cost: TeamCost;
  /** Team usage (GET /v1/team/usage). */
  readonly usage: TeamUsage;
  /** The low-level client underneath, for anything outside this package. */
  readonly client: FriendliClient;
  /** The same helpers over a client with some options changed (timeouts, team, retries). */
  withOptions(options: ClientOptions): FriendliEndpoints;
}

const DEFAULT_TARGET: readonly EndpointStatusName[] = ["RUNNING"];

/**
 * A helper's options: the target and the wait's own options, checked before the create or
 * wake call (so a typo does not leave a half-done action), and the caller's call options,
 * whole, for that call and every poll after it.
 */
function splitWait(options: WaitForTargetOptions) {
  const { target = DEFAULT_TARGET, ...wait } = options;
  const targets = readTargetStatuses(target);
  const { call } = readWaitOptions(wait);
  return { target: targets, wait, call };
}

/** Dedicated endpoint lifecycle, waiting, and team cost and usage over one client. */
export function createFriendliEndpoints(options: SharedClientOptions = {}): FriendliEndpoints {
  return buildEndpoints(clientFromOptions(options));
}

function buildEndpoints(client: FriendliClient): FriendliEndpoints {
  const core = coreOf(client);
  const operations = endpointOperations(core);
  return {
    ...operations,

    waitFor(endpointId, target, options) {
      return waitForEndpoint(operations.status, endpointId, target, options);
    },

    async createAndWait(body, options = {}) {
      const { target, wait, call } = splitWait(options);
      const { data, response } = await createEndpoint(core, body, call);
      const found = readCreatedEndpointId(data, response.headers);
      if (found.endpointId === null) {
        const missing = new EndpointIdMissingError(data, response.headers.get("location"), found.problem);
        throw redactError(missing, secretOf(data));
      }
      const { endpointId } = found;
      const status = await waitForEndpoint(operations.status, endpointId, target, wait, data);
      return { endpointId, status };
    },

    async createFromWandbArtifactAndWait(body, options = {}) {
      const { target, wait, call } = splitWait(options);
      const created = await operations.createFromWandbArtifact(body, call);
      const status = await waitForEndpoint(operations.status, created.endpointId, target, wait);
      return { endpointId: created.endpointId, status };
    },

    async wakeAndWait(endpointId, options = {}) {
      const { target, wait, call } = splitWait(options);
      const woken = await operations.wake(endpointId, call);
      return waitForEndpoint(operations.status, endpointId, target, wait, woken);
    },

    cost: teamCost(core),
    usage: teamUsage(core),
    client,
    withOptions: (overrides) => buildEndpoints(client.withOptions(overrides)),
  };
}
