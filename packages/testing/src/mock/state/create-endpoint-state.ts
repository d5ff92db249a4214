import { responseValidator, toIssues } from "../../spec-check/response-validator.ts";
import { JSON_TYPE, type SpecIndex } from "../../spec-check/spec-index.ts";
import { MockReplyError } from "../check-reply.ts";
import type { MockBody } from "../mock-reply-types.ts";
import { pageOf } from "./page-of.ts";
import { specExample } from "./spec-example.ts";
import { notFoundBody } from "./state-error-bodies.ts";
import type { StateBudget } from "./state-limits.ts";
import { headerValue, isRecord, jsonBody, type StateAnswer, type StateRequest } from "./state-request.ts";

// Long: the endpoint's whole life on the mock (create, read, list, update, actions, the
// status schedule, delete) over one record type; the pieces that are not about that record
// (pages, error bodies, limits, examples) live in the files imported above.

/** A status the spec names for an endpoint (`INITIALIZING`, `RUNNING`, `FAILED`, ...). */
export type MockEndpointStatus = MockBody<"dedicatedGetEndpointStatus">["status"];

/** One step of an endpoint's life on the mock: what its status answers show, and for how long. */
export interface EndpointStep {
  /** The status its answers show. */
  status: MockEndpointStatus;
  /** The phase they show (`DOWNLOADING_MODEL`, ...); none when not given. */
  phase?: MockBody<"dedicatedGetEndpointStatus">["phase"];
  /** Why it failed, for `FAILED` (`WORKLOAD_INIT_DOWNLOAD_ERROR`, ...); none when not given. */
  errorCode?: MockBody<"dedicatedGetEndpointStatus">["errorCode"];
  /**
   * How many answers show this step before the next one: status reads, list entries, and the
   * create or action answer that starts it. Default 1. The last step holds.
   */
  reads?: number;
}

/** Scripts the endpoints the mock holds (`mock.endpoints`). */
export interface MockEndpoints {
  /**
   * The steps every endpoint created from now on goes through, until `reset()`. The default
   * is `INITIALIZING` (`DOWNLOADING_MODEL`), `INITIALIZING` (`ENGINE_INITIALIZING`), then
   * `RUNNING`: the create answer shows the first, each status read the next.
   */
  schedule(steps: readonly EndpointStep[]): void;
  /** Puts an endpoint the mock holds in this status (or step) now; it stays there until changed. */
  advance(endpointId: string, status: MockEndpointStatus | EndpointStep): void;
  /** The ids of the endpoints the mock holds, oldest first. */
  ids(): string[];
}

const DEFAULT_ENDPOINT_STEPS: readonly EndpointStep[] = [
  { status: "INITIALIZING", phase: "DOWNLOADING_MODEL" },
  { status: "INITIALIZING", phase: "ENGINE_INITIALIZING" },
  { status: "RUNNING" },
];

/** What each action puts an endpoint through, as the API's answers to it name. */
const ACTION_STEPS: Record<string, readonly EndpointStep[]> = {
  dedicatedSleepEndpoint: [{ status: "SLEEPING" }],
  dedicatedWakeEndpoint: [{ status: "AWAKING" }, { status: "RUNNING" }],
  dedicatedTerminateEndpoint: [{ status: "TERMINATING" }, { status: "TERMINATED" }],
  dedicatedRestartEndpoint: [{ status: "INITIALIZING", phase: "ENGINE_INITIALIZING" }, { status: "RUNNING" }],
};

interface EndpointRecord {
  id: string;
  projectId: string;
  createdAt: string;
  updatedAt: string;
  /** The spec as the read answers show it; each create and update adds a version. */
  versions: Record<string, unknown>[];
  bytes: number;
  steps: readonly EndpointStep[];
  step: number;
  readsLeft: number;
}

const ENDPOINT_PATH = "/dedicated/beta/endpoint/";
const now = () => new Date().toISOString().replace(/\.\d+Z$/, "Z");
const byteSize = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

/**
 * The instance options the spec lists in the create body's description (`- 2x NVIDIA H100:
 * \`zfTutSiLn0Hq\``): the GPU type and count an endpoint created with one reads back.
 */
function instanceOptions(spec: SpecIndex): Map<string, { gpuType: string; numGpu: number }> {
  const schemas = (spec.doc.components?.schemas ?? {}) as Record<string, { properties?: Record<string, unknown> }>;
  const field = schemas.DedicatedEndpointCreateBody?.properties?.instanceOptionId as { description?: unknown };
  const options = new Map<string, { gpuType: string; numGpu: number }>();
  for (const [, count, gpuType, id] of String(field?.description ?? "").matchAll(/^- (\d+)x (.+): `([^`]+)`$/gm)) {
    options.set(id as string, { gpuType: gpuType as string, numGpu: Number(count) });
  }
  return options;
}

/** The fields of a create or update body that the read answers show, under their read names. */
function applyBody(
  base: Record<string, unknown>,
  body: Record<string, unknown>,
  options: ReturnType<typeof instanceOptions>,
): Record<string, unknown> {
  const next = { ...base };
  const int = (value: unknown) => (Number.isSafeInteger(value) ? (value as number) : undefined);
  const set = (key: string, value: unknown) => {
    if (value !== undefined) next[key] = value;
  };
  if (typeof body.name === "string") next.name = body.name;
  const option = typeof body.instanceOptionId === "string" ? options.get(body.instanceOptionId) : undefined;
  if (option) Object.assign(next, option);
  if (isRecord(body.advanced)) {
    const a = body.advanced;
    set("maxBatchSize", int(a.max_batch_size));
    if (typeof a.tokenizer_skip_special_tokens === "boolean")
      next.tokenizerSkipSpecialTokens = a.tokenizer_skip_special_tokens;
    if (typeof a.tokenizer_add_special_tokens === "boolean")
      next.tokenizerAddSpecialTokens = a.tokenizer_add_special_tokens;
    if (a.max_input_length === null || int(a.max_input_length) !== undefined) next.maxInputLength = a.max_input_length;
    if (a.max_context_length === null || int(a.max_context_length) !== undefined)
      next.maxContextLength = a.max_context_length;
  }
  if (isRecord(body.simplescale)) {
    const replicas = int(body.simplescale.replicas);
    set("autoscalingMin", replicas);
    set("autoscalingMax", replicas);
    set("desiredReplicaCnt", replicas);
  }
  if (isRecord(body.autoscalingPolicy)) {
    set("autoscalingMin", int(body.autoscalingPolicy.minReplica));
    set("autoscalingMax", int(body.autoscalingPolicy.maxReplica));
    set("autoscalingCooldown", int(body.autoscalingPolicy.cooldownPeriod));
  }
  return next;
}

/** Dedicated endpoints the mock holds: created, listed, read, updated, acted on and deleted. */
export function createEndpointState(spec: SpecIndex, budget: StateBudget) {
  const endpoints = new Map<string, EndpointRecord>();
  const options = instanceOptions(spec);
  let schedule: readonly EndpointStep[] = DEFAULT_ENDPOINT_STEPS;
  let created = 0;

  const statusOp = spec.byId.get("dedicatedGetEndpointStatus");
  const getOp = spec.byId.get("dedicatedGetEndpoint");
  const wandbOp = spec.byId.get("dedicatedEndpointWandbArtifactCreate");
  /** `projectId` and `idempotencyKey` of a W&B create -> the endpoint it made. */
  const byKey = new Map<string, string>();

  /** Steps a test gives are checked as the status answers they become, so none breaks the spec. */
  function checkSteps(steps: readonly EndpointStep[], where: string): EndpointStep[] {
    if (!Array.isArray(steps) || steps.length === 0) throw new Error(`${where}: give at least one step`);
    const validate = statusOp && responseValidator(spec, statusOp, "200", JSON_TYPE);
    return steps.map((step, i) => {
      const reads = step?.reads ?? 1;
      if (!(Number.isSafeInteger(reads) && reads >= 1)) {
        throw new Error(`${where}: step ${i} \`reads\` must be a whole number of at least 1, not ${String(reads)}`);
      }
      const body = { status: step?.status, createdAt: "2026-01-01T00:00:00Z", ...shown(step) };
      if (validate && !validate(body)) {
        throw new MockReplyError("dedicatedGetEndpointStatus", 200, toIssues(validate.errors), ` (${where} step ${i})`);
      }
      return { ...step, reads };
    });
  }

  const shown = (step: EndpointStep | undefined) => ({
    ...(step?.phase != null && { phase: step.phase }),
    ...(step?.errorCode != null && { errorCode: step.errorCode }),
  });

  function start(record: EndpointRecord, steps: readonly EndpointStep[]) {
    record.steps = steps;
    record.step = 0;
    record.readsLeft = steps[0]?.reads ?? 1;
    record.updatedAt = now();
  }

  /** The status answer an endpoint shows now; showing it uses up one read of its step. */
  function showStatus(record: EndpointRecord) {
    const step = record.steps[record.step] as EndpointStep;
    const body = { status: step.status, createdAt: record.createdAt, updatedAt: record.updatedAt, ...shown(step) };
    record.readsLeft -= 1;
    if (record.readsLeft <= 0 && record.step < record.steps.length - 1) {
      record.step += 1;
      record.readsLeft = record.steps[record.step]?.reads ?? 1;
      record.updatedAt = now();
    }
    return body;
  }

  const notFound = (id: string): StateAnswer => ({
    status: 404,
    json: notFoundBody("endpoint", id, ["path", "endpoint_id"]),
  });

  function addVersion(record: EndpointRecord, version: Record<string, unknown>): StateAnswer | undefined {
    const bytes = byteSize(version);
    const refused = budget.take(1, bytes);
    if (refused) return refused;
    record.versions.push(version);
    record.bytes += bytes;
    return undefined;
  }

  const latest = (record: EndpointRecord) => record.versions.at(-1) as Record<string, unknown>;

  /** A new endpoint with this spec (create's and W&B create's), or the answer why not. */
  function makeEndpoint(request: StateRequest, projectId: string, version: Record<string, unknown>) {
    const refused = budget.take(1, 0);
    if (refused) return { refused };
    const team = headerValue(request, "x-friendli-team");
    if (team) version.teamId = team;
    created += 1;
    const at = now();
    const record: EndpointRecord = {
      id: `mock-endpoint-${created}`,
      projectId,
      createdAt: at,
      updatedAt: at,
      versions: [],
      bytes: 0,
      steps: schedule,
      step: 0,
      readsLeft: 1,
    };
    const versionRefused = addVersion(record, { ...version, projectId });
    if (versionRefused) {
      budget.give(1, 0);
      return { refused: versionRefused };
    }
    start(record, schedule);
    endpoints.set(record.id, record);
    return { record };
  }

  const specBase = (): Record<string, unknown> => ({ ...(getOp && specExample(getOp)) });

  function create(request: StateRequest): StateAnswer | undefined {
    const body = jsonBody(request);
    if (!isRecord(body) || typeof body.projectId !== "string") return undefined;
    const made = makeEndpoint(request, body.projectId, applyBody(specBase(), body, options));
    if (made.refused) return made.refused;
    const { record } = made;
    // The spec's create answer has no id field; the Location header names the new endpoint.
    return {
      status: 200,
      json: showStatus(record),
      headers: { location: `${ENDPOINT_PATH}${encodeURIComponent(record.id)}` },
    };
  }

  /**
   * Create from a W&B artifact: its answer names the endpoint. With an `idempotencyKey` the
   * mock has seen in that project, the existing endpoint is rolled out instead (a new version,
   * the schedule from its start), as the API says.
   */
  function createFromWandb(request: StateRequest): StateAnswer | undefined {
    const body = jsonBody(request);
    if (!isRecord(body) || typeof body.wandbArtifactVersionName !== "string") return undefined;
    const example = (wandbOp && specExample(wandbOp)) ?? {};
    const projectId = typeof body.projectId === "string" ? body.projectId : String(example.projectId ?? "");
    const key = typeof body.idempotencyKey === "string" ? `${projectId}\n${body.idempotencyKey}` : undefined;
    // The accelerator asked for is the GPU type and count read back.
    const withAccelerator = (version: Record<string, unknown>) => {
      const { type, count } = isRecord(body.accelerator) ? body.accelerator : {};
      if (typeof type === "string") version.gpuType = type;
      if (Number.isSafeInteger(count)) version.numGpu = count;
      return version;
    };
    const known = key === undefined ? undefined : endpoints.get(byKey.get(key) ?? "");
    let record: EndpointRecord;
    if (known) {
      const refused = addVersion(known, withAccelerator(applyBody(latest(known), body, options)));
      if (refused) return refused;
      start(known, schedule);
      record = known;
    } else {
      const made = makeEndpoint(request, projectId, withAccelerator(applyBody(specBase(), body, options)));
      if (made.refused) return made.refused;
      record = made.record;
      if (key !== undefined) byKey.set(key, record.id);
    }
    const spec = latest(record);
    return {
      status: 200,
      json: { ...example, endpointId: record.id, endpointName: spec.name, projectId, teamId: spec.teamId },
    };
  }

  function list(request: StateRequest): StateAnswer {
    const project = new URLSearchParams(request.search).get("project_id") || undefined;
    const all = [...endpoints.values()].filter((e) => project === undefined || e.projectId === project);
    const paged = pageOf(all, request);
    if ("refused" in paged) return paged.refused;
    const data = Object.fromEntries(paged.page.map((e) => [e.id, showStatus(e)]));
    return { status: 200, json: { data, nextCursor: paged.nextCursor } };
  }

  /** The answer of an operation on one endpoint (`endpoint_id`), or a 404 naming it. */
  function onEndpoint(operationId: string, request: StateRequest, id: string): StateAnswer | undefined {
    const record = endpoints.get(id);
    if (!record) return notFound(id);
    switch (operationId) {
      case "dedicatedGetEndpoint":
        return { status: 200, json: latest(record) };
      case "dedicatedGetEndpointStatus":
        return { status: 200, json: showStatus(record) };
      case "dedicatedUpdateEndpoint": {
        const body = jsonBody(request);
        if (!isRecord(body)) return undefined;
        const refused = addVersion(record, applyBody(latest(record), body, options));
        if (refused) return refused;
        record.updatedAt = now();
        return { status: 200, json: latest(record) };
      }
      case "dedicatedDeleteEndpoint":
        endpoints.delete(id);
        budget.give(1 + record.versions.length, record.bytes);
        return { status: 200, json: {} };
      case "dedicatedGetEndpointVersionHistory": {
        const paged = pageOf(
          record.versions.map((version, i) => [String(i), version] as const),
          request,
        );
        if ("refused" in paged) return paged.refused;
        return { status: 200, json: { data: Object.fromEntries(paged.page), nextCursor: paged.nextCursor } };
      }
      default: {
        const steps = ACTION_STEPS[operationId];
        if (!steps) return undefined;
        start(record, steps);
        return { status: 200, json: showStatus(record) };
      }
    }
  }

  const control: MockEndpoints = {
    schedule(steps) {
      schedule = checkSteps(steps, "mock.endpoints.schedule");
    },
    advance(endpointId, status) {
      const record = endpoints.get(endpointId);
      if (!record) {
        throw new Error(
          `mock.endpoints.advance: the mock holds no endpoint "${endpointId}" (ids: ${[...endpoints.keys()].join(", ") || "none"})`,
        );
      }
      start(record, checkSteps([typeof status === "string" ? { status } : status], "mock.endpoints.advance"));
    },
    ids: () => [...endpoints.keys()],
  };

  return {
    control,
    answer(operationId: string, request: StateRequest, params: Record<string, string>): StateAnswer | undefined {
      if (operationId === "dedicatedCreateEndpoint") return create(request);
      if (operationId === "dedicatedEndpointWandbArtifactCreate") return createFromWandb(request);
      if (operationId === "dedicatedListEndpoints") return list(request);
      const id = params.endpoint_id;
      return id === undefined ? undefined : onEndpoint(operationId, request, id);
    },
    reset() {
      endpoints.clear();
      byKey.clear();
      schedule = DEFAULT_ENDPOINT_STEPS;
    },
  };
}
