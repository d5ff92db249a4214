import { APIUserAbortError, InvalidInputError } from "@friendli-ts/client";
import { checkedAnswer, isJsonObject, redactError, secretOf } from "@friendli-ts/client/internal";
import { parseModelJson } from "./parse-model-json.ts";
import { StructuredOutputError } from "./structured-output-error.ts";
import { ToolLoopLimitError } from "./tool-loop-limit-error.ts";

/**
 * What parse and runTools (loaded on first use) share with the code an app loads at start:
 * the errors, redaction, parseModelJson. They get it as an argument and import none of it
 * at run time: a bundler puts a module both load into a chunk that every app loads at
 * start, split from the rest, and embeddings' and audio's start would grow by the seams.
 */
export const eagerHelpers = {
  StructuredOutputError,
  ToolLoopLimitError,
  InvalidInputError,
  APIUserAbortError,
  parseModelJson,
  redactError,
  secretOf,
  checkedAnswer,
  isJsonObject,
};
export type EagerHelpers = typeof eagerHelpers;
