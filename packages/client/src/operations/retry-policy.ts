/**
 * Whether an operation may be sent again after the server may already have acted on it
 * (a 5xx, a timeout, a connection reset). Reviewed by hand, one line per operation that
 * reads or changes state outside inference; a test fails when the spec adds an operation
 * that is not listed, so each new one is decided here rather than by its HTTP method.
 *
 * Safe: reading, or asking for a state that a second request leaves unchanged.
 * Unsafe: a second request does something again (creates a second thing, restarts twice,
 * adds samples twice, replaces data with a body that may have been half-applied).
 * Refused connections, 408 and 429 are retried for every operation: the server did not act.
 */
export const retryPolicy = {
  // Dedicated endpoints
  dedicatedCreateEndpoint: "unsafe", // a second create makes a second endpoint
  dedicatedEndpointWandbArtifactCreate: "unsafe", // may roll out twice
  dedicatedListEndpoints: "safe",
  dedicatedGetEndpoint: "safe",
  dedicatedUpdateEndpoint: "safe", // sets the same spec again
  dedicatedDeleteEndpoint: "safe", // a second delete finds nothing to delete
  dedicatedGetEndpointVersionHistory: "safe",
  dedicatedGetEndpointStatus: "safe",
  dedicatedSleepEndpoint: "safe", // asks for a state
  dedicatedWakeEndpoint: "safe", // asks for a state
  dedicatedTerminateEndpoint: "safe", // asks for a state
  dedicatedRestartEndpoint: "unsafe", // a second restart interrupts the endpoint again

  // Team cost and usage
  getCost: "safe",
  getUsage: "safe",

  // Datasets
  create_dataset: "unsafe", // a second dataset of the same name
  list_datasets: "safe",
  get_dataset: "safe",
  delete_dataset: "safe",
  create_version: "unsafe", // a second snapshot
  list_versions: "safe",
  get_version: "safe",
  delete_version: "safe",
  create_split: "unsafe", // may fail or duplicate the split
  list_splits: "safe",
  get_split: "safe",
  delete_split: "safe",
  add_samples: "unsafe", // adds the samples twice
  list_samples: "safe",
  upload_raw_samples: "unsafe", // may add the file's samples twice
  delete_samples: "safe",

  // Files
  init_upload: "unsafe", // registers a second file
  complete_upload: "safe",
  get_info: "safe",
  get_download_url: "safe",
} as const satisfies Record<string, "safe" | "unsafe">;

/**
 * True when a retry after the server may have acted is harmless for this operation.
 * Operations not listed are inference (the test of this table holds every other tag to
 * it): they store nothing, so a repeat costs tokens but changes nothing.
 */
export function isRetrySafe(operationId: string): boolean {
  return (retryPolicy as Record<string, string>)[operationId] !== "unsafe";
}
