import { FriendliError } from "@friendli-ts/client";
import type { EndpointStatus, EndpointStatusName } from "./spec-types.ts";

/** waitFor gave up: the endpoint did not reach the target within `timeoutMs`. */
export class EndpointWaitTimeoutError extends FriendliError {
  override name = "EndpointWaitTimeoutError";
  readonly endpointId: string;
  readonly target: readonly EndpointStatusName[];
  readonly timeoutMs: number;
  /** The last status seen, or null when no answer came back in time. */
  readonly lastStatus: EndpointStatus | null;

  constructor(
    endpointId: string,
    target: readonly EndpointStatusName[],
    timeoutMs: number,
    lastStatus: EndpointStatus | null,
  ) {
    const seen = lastStatus
      ? `; last status ${lastStatus.status}${lastStatus.phase ? `/${lastStatus.phase}` : ""}`
      : "";
    super(`endpoint "${endpointId}" did not reach ${target.join(" or ")} within ${timeoutMs} ms${seen}`);
    this.endpointId = endpointId;
    this.target = target;
    this.timeoutMs = timeoutMs;
    this.lastStatus = lastStatus;
  }
}
