import { type CallOptions, InvalidResponseError } from "@friendli-ts/client";

/**
 * A chat result's fields that `parse` and `runTools` read, checked: the server decides the
 * shape, and a wrong one must be an InvalidResponseError (with the answer's status and
 * headers), never a TypeError in the helper. Null and missing fields read as absent.
 */
export function checkChatResult<Result>(result: Result, response: Response | undefined): Result {
  const problem = chatResultProblem(result);
  if (!problem) return result;
  throw new InvalidResponseError(`the chat completion answer has the wrong shape: ${problem}`, {
    status: response?.status ?? 200,
    headers: response?.headers ?? new Headers(),
    body: describe(result),
  });
}

/** Sends with `send` and checks the result, keeping the response for the error. */
export async function sendCheckedChat<Body, Result>(
  send: (body: Body, options: CallOptions) => Promise<Result>,
  body: Body,
  options: CallOptions | undefined,
): Promise<Result> {
  let response: Response | undefined;
  const result = await send(body, {
    ...options,
    onResponse: (r) => {
      response = r;
      options?.onResponse?.(r);
    },
  });
  return checkChatResult(result, response);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const absent = (value: unknown) => value === undefined || value === null;
const textOrAbsent = (value: unknown) => absent(value) || typeof value === "string";

function chatResultProblem(result: unknown): string | undefined {
  if (!isRecord(result)) return "it is not an object";
  const { choices } = result;
  if (!Array.isArray(choices)) return "`choices` is not a list";
  const first: unknown = choices[0];
  if (first === undefined) return undefined;
  if (!isRecord(first)) return "`choices[0]` is not an object";
  if (!textOrAbsent(first.finish_reason)) return "`choices[0].finish_reason` is not text";
  const { message } = first;
  if (absent(message)) return undefined;
  if (!isRecord(message)) return "`choices[0].message` is not an object";
  if (!textOrAbsent(message.content)) return "`choices[0].message.content` is not text";
  if (absent(message.tool_calls)) return undefined;
  if (!Array.isArray(message.tool_calls)) return "`choices[0].message.tool_calls` is not a list";
  for (const [i, call] of message.tool_calls.entries()) {
    const at = `\`choices[0].message.tool_calls[${i}]`;
    if (!isRecord(call)) return `${at}\` is not an object`;
    if (typeof call.id !== "string") return `${at}.id\` is not text`;
    if (!isRecord(call.function)) return `${at}.function\` is not an object`;
    if (typeof call.function.name !== "string") return `${at}.function.name\` is not text`;
    if (typeof call.function.arguments !== "string") return `${at}.function.arguments\` is not text`;
  }
  return undefined;
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
