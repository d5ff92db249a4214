import type { SseMessage } from "./read-sse.ts";
import type { SseHelpers } from "./sse-helpers.ts";
import type { StreamRule } from "./stream-rule.ts";

/** One event of a stream as the spec models it: the event name, when sent, and the parsed data. */
export interface DecodedEvent<Data = unknown> {
  event?: string;
  id?: string;
  data: Data;
}

/** The event's JSON `type`, when it has a string one. */
export function typeOf(data: object): string | undefined {
  const type = (data as { type?: unknown }).type;
  return typeof type === "string" ? type : undefined;
}

function isErrorEvent(message: SseMessage, data: object, rule: StreamRule): boolean {
  const named = rule.errorTypes;
  if (named !== undefined) {
    if (message.event !== undefined && named.includes(message.event)) return true;
    const type = typeOf(data);
    if (type !== undefined && named.includes(type)) return true;
  }
  const { errorField, chunkFields } = rule;
  if (errorField === undefined || !Object.hasOwn(data, errorField)) return false;
  if ((data as Record<string, unknown>)[errorField] == null) return false;
  // An ordinary chunk may carry an error field too: its own chunk fields say which it is.
  if (chunkFields === undefined) return true;
  for (const field of chunkFields) if (Object.hasOwn(data, field)) return false;
  return true;
}

function errorMessageOf(data: unknown): string {
  const d = data as { error?: { message?: unknown } | string; message?: unknown } | null;
  const nested = typeof d?.error === "string" ? d.error : d?.error?.message;
  const message = nested ?? d?.message;
  return typeof message === "string" && message ? message : "the server sent an error event";
}

/**
 * Parses an event's JSON data. Throws StreamEventError for an event the stream's rule calls
 * an error and StreamParseError for data that is not a JSON object (both from `helpers`: see
 * sse-helpers.ts).
 */
export function decodeEvent(
  message: SseMessage,
  rule: StreamRule,
  requestId: string | null,
  { StreamEventError, StreamParseError }: SseHelpers,
): DecodedEvent<object> {
  let data: unknown;
  try {
    data = JSON.parse(message.data);
  } catch (cause) {
    throw new StreamParseError(`an event's data is not valid JSON: ${message.data.slice(0, 80)}`, message.data, {
      cause,
    });
  }
  if (typeof data !== "object" || data === null) {
    throw new StreamParseError(`an event's data is not a JSON object: ${message.data.slice(0, 80)}`, message.data);
  }
  if (isErrorEvent(message, data, rule)) {
    throw new StreamEventError(`stream failed: ${errorMessageOf(data)}`, data, requestId);
  }
  const decoded: DecodedEvent<object> = { data };
  if (message.event !== undefined) decoded.event = message.event;
  if (message.id !== undefined) decoded.id = message.id;
  return decoded;
}

/** Whether a stream whose last event was `last` (undefined: none) ended as its rule says. */
export function endedCompletely(rule: StreamRule, last: DecodedEvent<object> | undefined, sawDone: boolean): boolean {
  if (rule.done !== undefined) return sawDone;
  const ends = rule.endTypes;
  if (ends === undefined) return true;
  if (last === undefined) return false;
  return (last.event !== undefined && ends.includes(last.event)) || ends.includes(typeOf(last.data) ?? "");
}
