import { FriendliError } from "@friendli-ts/client";
import type { EndpointErrorCode, EndpointStatus, EndpointStatusName } from "./spec-types.ts";

/** The endpoint reached FAILED or TERMINATED while something waited for another status. */
export class EndpointFailedError extends FriendliError {
  override name = "EndpointFailedError";
  readonly endpointId: string;
  readonly status: EndpointStatusName;
  /** Why the deployment failed, when the API says. */
  readonly errorCode: EndpointErrorCode | null;
  readonly phase: EndpointStatus["phase"];
  /** The status answer that ended the wait. */
  readonly endpoint: EndpointStatus;
  readonly target: readonly EndpointStatusName[];

  constructor(endpointId: string, endpoint: EndpointStatus, target: readonly EndpointStatusName[]) {
    const code = endpoint.errorCode ?? null;
    super(
      `endpoint "${endpointId}" is ${endpoint.status}${code ? ` (${code})` : ""} instead of ${target.join(" or ")}`,
    );
    this.endpointId = endpointId;
    this.status = endpoint.status;
    this.errorCode = code;
    this.phase = endpoint.phase;
    this.endpoint = endpoint;
    this.target = target;
  }
}
