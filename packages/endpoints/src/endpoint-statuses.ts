import { InvalidInputError } from "@friendli-ts/client";
import type { EndpointStatusName } from "./spec-types.ts";

// `satisfies` makes this list exactly the spec's enum: a status added or removed upstream
// fails the type check here, so the runtime check below never falls behind.
const KNOWN = {
  UNKNOWN: true,
  INITIALIZING: true,
  RUNNING: true,
  UPDATING: true,
  SLEEPING: true,
  AWAKING: true,
  FAILED: true,
  STOPPING: true,
  TERMINATING: true,
  TERMINATED: true,
  READY: true,
} as const satisfies Record<EndpointStatusName, true>;

/** Every status the spec names. */
export const ENDPOINT_STATUSES = Object.keys(KNOWN) as EndpointStatusName[];

/** Statuses that end a wait with an error unless the caller waits for them. */
export const FAILURE_STATUSES: readonly EndpointStatusName[] = ["FAILED", "TERMINATED"];

export function isEndpointStatus(value: unknown): value is EndpointStatusName {
  return typeof value === "string" && Object.hasOwn(KNOWN, value);
}

/** One status or several, checked against the spec's list before anything is sent. */
export function readTargetStatuses(target: EndpointStatusName | readonly EndpointStatusName[]): EndpointStatusName[] {
  const list = typeof target === "string" ? [target] : [...(target ?? [])];
  if (list.length === 0) throw new InvalidInputError("waitFor needs at least one target status");
  const unknown = list.filter((s) => !isEndpointStatus(s));
  if (unknown.length > 0) {
    throw new InvalidInputError(
      `unknown endpoint status ${unknown.map((s) => JSON.stringify(s)).join(", ")}; expected one of ${ENDPOINT_STATUSES.join(", ")}`,
    );
  }
  return list;
}
