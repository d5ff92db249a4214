import { InvalidResponseError } from "../errors/invalid-response-error.ts";
import { redactError } from "../transport/redact.ts";
import { keepSecret, secretOf } from "../transport/secret-of.ts";
import type { CallCore } from "./call-core.ts";

/** Why an answer's data cannot be read as the wrapper reads it, or undefined when it can. */
export type AnswerProblem = (data: unknown) => string | undefined;

export const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The most common check: the answer is a JSON object. */
export const notAnObject: AnswerProblem = (data) => (isJsonObject(data) ? undefined : "it is not a JSON object");

/**
 * The data of an answer whose fields a wrapper reads, checked first: the server decides the
 * shape, and a wrong one is an InvalidResponseError with the answer's status and headers,
 * never a TypeError in the wrapper. The data keeps the call's secret (`secretOf`) for the
 * errors a helper builds from it later.
 */
export function checkedAnswer<Data>(
  core: CallCore,
  answer: { data: Data; response: Response },
  what: string,
  ...problems: AnswerProblem[]
): Data {
  const { data, response } = answer;
  for (const problemOf of problems) {
    const problem = problemOf(data);
    if (problem === undefined) continue;
    // The call's result carries its secret: the quoted body is server text.
    throw redactError(
      new InvalidResponseError(`${what}: the answer has the wrong shape: ${problem}`, {
        status: response.status,
        headers: response.headers,
        body: describe(data),
      }),
      secretOf(data, core),
    );
  }
  // The helpers that read it (waitFor, parse, runTools) may quote it in an error later.
  return keepSecret(data, secretOf(data, core));
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
