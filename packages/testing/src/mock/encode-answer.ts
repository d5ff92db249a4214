import { type AnswerEvent, eventText } from "./faults/event-text.ts";
import type { LocalAnswer } from "./start-recording-proxy.ts";

/** An SSE body: `event:` when named, then the data as JSON (the `[DONE]` sentinel as it is). */
export function formatEvents(events: AnswerEvent[]): string {
  return events.map(eventText).join("");
}

/** The headers and body of an answer the mock sends itself, whichever way it is sent. */
export function encodeAnswer(answer: LocalAnswer): { headers: Record<string, string>; body: string | Uint8Array } {
  if (answer.events) {
    return {
      headers: { "content-type": "text/event-stream", "cache-control": "no-cache", ...answer.headers },
      body: formatEvents(answer.events),
    };
  }
  if (answer.json !== undefined) {
    return {
      headers: { "content-type": "application/json", ...answer.headers },
      body: JSON.stringify(answer.json),
    };
  }
  return { headers: { ...answer.headers }, body: answer.body ?? "" };
}
