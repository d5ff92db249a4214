import { NotFoundError } from "@friendli-ts/client";

/** A 404 for an endpoint id: the message names the id, and it is still a NotFoundError. */
export class EndpointNotFoundError extends NotFoundError {
  override name = "EndpointNotFoundError";
  readonly endpointId: string;

  constructor(endpointId: string, cause: NotFoundError) {
    super(
      { status: cause.status, headers: cause.headers, body: cause.body, method: cause.method, url: cause.url },
      `endpoint "${endpointId}" was not found (check the id and the team it belongs to): ${cause.message}`,
    );
    this.endpointId = endpointId;
    this.cause = cause;
  }
}

/** Runs a call about one endpoint, turning its 404 into an error that names the endpoint. */
export async function namingEndpointOn404<T>(endpointId: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof NotFoundError && !(error instanceof EndpointNotFoundError)) {
      throw new EndpointNotFoundError(endpointId, error);
    }
    throw error;
  }
}
