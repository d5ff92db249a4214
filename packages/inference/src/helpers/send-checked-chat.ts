import type { CallOptions } from "@friendli-ts/client";
import type { CallCore } from "@friendli-ts/client/internal";
import type { EagerHelpers } from "./eager-helpers.ts";

/**
 * Sends a chat request with `send`, then checks the fields of the result that `parse` and
 * `runTools` read: the server decides the shape, and a wrong one must be an
 * InvalidResponseError with the answer's status and headers, never a TypeError in the
 * helper. Null and missing fields read as absent.
 */
export async function sendCheckedChat<Body, Result>(
  core: CallCore,
  send: (body: Body, options: CallOptions) => Promise<Result>,
  body: Body,
  options: CallOptions | undefined,
  eager: EagerHelpers,
): Promise<Result> {
  let response = new Response();
  const data = await send(body, {
    ...options,
    onResponse: (r) => {
      response = r;
      options?.onResponse?.(r);
    },
  });
  return eager.checkedAnswer(core, { data, response }, "chat completion", (result) =>
    chatResultProblem(result, eager.isJsonObject),
  );
}

const absent = (value: unknown) => value === undefined || value === null;
const textOrAbsent = (value: unknown) => absent(value) || typeof value === "string";

function chatResultProblem(result: unknown, isRecord: EagerHelpers["isJsonObject"]): string | undefined {
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
