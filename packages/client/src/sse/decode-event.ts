import { StreamEventError, StreamParseError } from "../errors/stream-errors.ts";
import type { SseMessage } from "./read-sse-batches.ts";

/** One event of a stream as the spec models it: the event name, when sent, and the parsed data. */
export interface DecodedEvent<Data = unknown> {
  event?: string;
  id?: string;
  data: Data;
}

export const DONE = "[DONE]";

function isErrorPayload(message: SseMessage, data: unknown): boolean {
  if (message.event === "error") return true;
  if (typeof data !== "object" || data === null) return false;
  const d = data as Record<string, unknown>;
  // Responses and messages streams say `"type": "error"`; OpenAI-style chat streams send
  // `{"error": {...}}` in place of a chunk.
  return d.type === "error" || (d.error != null && !("choices" in d) && !("type" in d));
}

function errorMessageOf(data: unknown): string {
  const d = data as { error?: { message?: unknown } | string; message?: unknown } | null;
  const nested = typeof d?.error === "string" ? d.error : d?.error?.message;
  const message = nested ?? d?.message;
  return typeof message === "string" && message ? message : "the server sent an error event";
}

/**
 * Parses an event's JSON data. Throws StreamEventError for an error event and
 * StreamParseError for data that is not JSON.
 */
export function decodeEvent(message: SseMessage, requestId: string | null): DecodedEvent {
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
  if (isErrorPayload(message, data)) {
    throw new StreamEventError(`stream failed: ${errorMessageOf(data)}`, data, requestId);
  }
  const decoded: DecodedEvent = { data };
  if (message.event !== undefined) decoded.event = message.event;
  if (message.id !== undefined) decoded.id = message.id;
  return decoded;
}
