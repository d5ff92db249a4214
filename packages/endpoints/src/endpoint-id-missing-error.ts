import { FriendliError } from "@friendli-ts/client";
import type { EndpointStatus } from "./spec-types.ts";

/**
 * createAndWait cannot follow the endpoint: the create answer carried no id it can use.
 * The endpoint may exist now, so this error keeps what the API answered.
 */
export class EndpointIdMissingError extends FriendliError {
  override name = "EndpointIdMissingError";
  /** The create answer's body. */
  readonly created: EndpointStatus;
  /** The create answer's Location header as sent, or null. */
  readonly location: string | null;

  constructor(created: EndpointStatus, location: string | null = null, problem: string | null = null) {
    super(
      `${problem ? `the create answer's endpoint id is unusable (${problem})` : "the create answer named no endpoint id"}, so there is nothing to wait on; the endpoint may still have been created (find it with listAll)`,
    );
    this.created = created;
    this.location = location;
  }
}
