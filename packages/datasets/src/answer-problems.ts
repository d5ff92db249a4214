import { type AnswerProblem, isJsonObject } from "@friendli-ts/client/internal";

// What the walks read of a list page, checked with `checkedAnswer` before anything walks it:
// the server decides the shape, and a wrong one is an InvalidResponseError, never a TypeError
// or a walk over the characters of a text.

/** A page whose `data` is a list of objects (datasets, splits). */
export const dataIsAListOfObjects: AnswerProblem = (data) => {
  const entries = (data as { data?: unknown }).data;
  if (!Array.isArray(entries)) return "`data` is not a list";
  return entries.every(isJsonObject) ? undefined : "an entry of `data` is not an object";
};

/**
 * A samples page: `data` is a list of `[id, JSON text]` pairs. Only that each entry is a list
 * is required here (what a walk destructures); the reader of the pair checks its two texts,
 * as the upload helper does, since the mock server answers `[[]]` for a pair.
 */
export const dataIsAListOfSamples: AnswerProblem = (data) => {
  const entries = (data as { data?: unknown }).data;
  if (!Array.isArray(entries)) return "`data` is not a list";
  return entries.every(Array.isArray) ? undefined : "an entry of `data` is not an [id, text] pair";
};
