/** A problem in the spec pipeline that the person running it can act on. */
export class SpecSyncError extends Error {
  override name = "SpecSyncError";
}
