import { FriendliError } from "@friendli-ts/client";
import type { EndpointStatus } from "./spec-types.ts";

/**
 * createAndWait cannot follow the endpoint: the create answer carried no id. The endpoint
 * may exist now, so this error keeps what the API answered.
 */
export class EndpointIdMissingError extends FriendliError {
  override name = "EndpointIdMissingError";
  readonly created: EndpointStatus;

  constructor(created: EndpointStatus) {
    super(
      "the create answer named no endpoint id, so there is nothing to wait on; the endpoint may still have been created (find it with listAll)",
    );
    this.created = created;
  }
}
