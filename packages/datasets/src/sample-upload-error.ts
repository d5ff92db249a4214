import { FriendliError } from "@friendli-ts/client";

/**
 * What became of the batch the upload was busy with when it stopped:
 * - `not sent`: it never reached the API (or nothing was in flight: a sample failed its
 *   checks, media could not be stored, the input could not be read, the caller aborted first);
 * - `refused`: the API answered with an error that means it stored none of it (a 4xx);
 * - `stored`: the answer was lost (a reset, a timeout, a 5xx), but reading the split back found
 *   every sample of the batch, so it is counted in `samplesStored` and `ids`;
 * - `not stored`: the answer was lost, and reading the split back found none of the batch;
 * - `unknown`: the answer was lost and the doubt could not be settled (the message says why):
 *   the batch may be in the split.
 */
export type BatchOutcome = "not sent" | "refused" | "stored" | "not stored" | "unknown";

export interface SampleUploadErrorInit {
  samplesStored: number;
  ids: string[];
  batchOutcome: BatchOutcome;
  batch: { first: number; count: number } | null;
  cause: unknown;
  /** Why an `unknown` batch could not be settled. */
  doubt?: string;
}

/**
 * An upload stopped part way. The first `samplesStored` samples of the input are in the split
 * (in input order, `resumeFrom` samples included), and, unless `batchOutcome` is `unknown`,
 * none after them: `uploadSamples(input, { resumeFrom: error.samplesStored })` goes on without
 * sending a sample twice or skipping one. `cause` is what stopped it (a SampleValidationError,
 * a MediaUploadError, an APIError, an APIConnectionError, an APIUserAbortError, ...).
 */
export class SampleUploadError extends FriendliError {
  override name = "SampleUploadError";
  /** Samples of the input known stored, counted from its start. */
  readonly samplesStored: number;
  /** The ids of the samples this call stored, in input order (from its `resumeFrom` on). */
  readonly ids: string[];
  /** What became of the batch in flight; see `BatchOutcome`. */
  readonly batchOutcome: BatchOutcome;
  /**
   * The batch that was being stored (its media, or its add-samples request) when the upload
   * stopped: the input index of its first sample and its size. Null when the upload stopped
   * between batches (reading or checking a sample, or an abort).
   */
  readonly batch: { first: number; count: number } | null;

  constructor(init: SampleUploadErrorInit) {
    super(describe(init), { cause: init.cause });
    this.samplesStored = init.samplesStored;
    this.ids = init.ids;
    this.batchOutcome = init.batchOutcome;
    this.batch = init.batch;
  }
}

function describe(init: SampleUploadErrorInit): string {
  const { samplesStored: stored, batch } = init;
  const cause = init.cause instanceof Error ? init.cause.message : String(init.cause);
  const which = batch
    ? batch.count === 1
      ? `sample ${batch.first}`
      : `samples ${batch.first}..${batch.first + batch.count - 1}`
    : "";
  const them = batch?.count === 1 ? "it" : "them";
  const head = `${stored} sample${stored === 1 ? "" : "s"} stored`;
  const resume = `${head} (resume with resumeFrom: ${stored})`;
  switch (init.batchOutcome) {
    case "not sent":
      return `${resume}; ${batch ? `${which} not sent` : `nothing from sample ${stored} on was sent`}: ${cause}`;
    case "refused":
      return `${resume}; the API refused ${which}: ${cause}`;
    case "stored":
      return `${resume}; ${which} counted as stored: the add request failed, but reading the split back found ${them}: ${cause}`;
    case "not stored":
      return `${resume}; ${which} not stored: the add request failed, and reading the split back did not find ${them}: ${cause}`;
    case "unknown":
      return `${head}; ${which} may have been stored too (${init.doubt ?? "the answer was lost"}), so check the split before resuming from ${stored}: ${cause}`;
  }
}
