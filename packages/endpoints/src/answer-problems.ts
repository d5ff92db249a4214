import { type AnswerProblem, isJsonObject } from "@friendli-ts/client/internal";

// What the helpers read of an answer, checked with `checkedAnswer` before anything walks it:
// the server decides the shape, and a wrong one is an InvalidResponseError, never a TypeError.

/** A status answer: waitFor compares its `status`. */
export const statusIsText: AnswerProblem = (data) =>
  typeof (data as { status?: unknown }).status === "string" ? undefined : "`status` is not text";

/** A W&B create answer: the wait after it reads `endpointId`. */
export const endpointIdIsText: AnswerProblem = (data) =>
  typeof (data as { endpointId?: unknown }).endpointId === "string" ? undefined : "`endpointId` is not text";

/** An endpoints page: `data` maps ids to objects (missing or null: no entries). */
export const dataIsAnObjectOfObjects: AnswerProblem = (data) => {
  const entries = (data as { data?: unknown }).data;
  if (entries === undefined || entries === null) return undefined;
  if (!isJsonObject(entries)) return "`data` is not an object";
  return Object.values(entries).every(isJsonObject) ? undefined : "an entry of `data` is not an object";
};

/** A cost or usage page: `data` lists bucket objects, each with its `results` listed (the spec requires both). */
export const dataIsAListOfBuckets: AnswerProblem = (data) => {
  const buckets = (data as { data?: unknown }).data;
  if (!Array.isArray(buckets)) return "`data` is not a list";
  for (const bucket of buckets) {
    if (!isJsonObject(bucket)) return "an entry of `data` is not an object";
    const results = Object.hasOwn(bucket, "results") ? bucket.results : undefined;
    if (results !== undefined && !(Array.isArray(results) && results.every(isJsonObject))) {
      return "a bucket's `results` is not a list of objects";
    }
  }
  return undefined;
};
