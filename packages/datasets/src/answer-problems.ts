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

/** A samples page: `data` is a list of `[id, JSON text]` pairs. */
export const dataIsAListOfSamples: AnswerProblem = (data) => {
  const entries = (data as { data?: unknown }).data;
  if (!Array.isArray(entries)) return "`data` is not a list";
  const isSample = (entry: unknown) =>
    Array.isArray(entry) && entry.length === 2 && typeof entry[0] === "string" && typeof entry[1] === "string";
  return entries.every(isSample) ? undefined : "an entry of `data` is not an [id, text] pair";
};
