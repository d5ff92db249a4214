import type { ViolationDetail } from "../violation-body.ts";

/**
 * The error bodies the state answers with, in the shape the mock's refusals already use:
 * `error.message` for OpenAI-compatible clients and this SDK's error message, and `detail`,
 * a list that is valid against the spec's one error schema (HTTPValidationError).
 */
export interface StateErrorBody {
  error: { message: string; type: string; code: string; param: string | null };
  detail: ViolationDetail[];
}

function errorBody(message: string, type: string, code: string, loc: string[]): StateErrorBody {
  return {
    error: { message, type, code, param: loc.length > 1 ? loc.slice(1).join(".") : null },
    detail: [{ loc, msg: message, type: code }],
  };
}

/** 404: an id the mock holds nothing for (not created here, deleted, or forgotten by `reset()`). */
export const notFoundBody = (what: string, id: string, loc: string[]) =>
  errorBody(
    `${what} "${id}" does not exist in the mock: it was not created here, was deleted, or reset() forgot it`,
    "not_found_error",
    "not_found",
    loc,
  );

/** 422: a query value the state cannot use (a cursor it did not hand out). */
export const badRequestBody = (message: string, loc: string[]) =>
  errorBody(message, "invalid_request_error", "invalid_value", loc);

/** 507: the state is at its limit. */
export const stateFullBody = (message: string) => errorBody(message, "mock_state_full", "mock_state_full", []);
