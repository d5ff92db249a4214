import { InvalidInputError } from "@friendli-ts/client";

/** Rejects a missing or blank endpoint id before it turns into a request for the wrong path. */
export function requireEndpointId(endpointId: unknown): string {
  if (typeof endpointId !== "string" || endpointId.trim() === "") {
    throw new InvalidInputError(
      `endpointId must be a non-empty string, got ${JSON.stringify(endpointId) ?? "undefined"}`,
    );
  }
  return endpointId;
}
