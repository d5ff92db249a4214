import { createParser } from "eventsource-parser";
import type { ReplyEvent } from "./check-reply.ts";

/** The events of an SSE body, each `data` parsed as JSON (kept as text when it is not, like `[DONE]`). */
export function readEvents(text: string): ReplyEvent[] {
  const events: ReplyEvent[] = [];
  const parser = createParser({
    onEvent({ event, data }) {
      let value: unknown = data;
      try {
        value = JSON.parse(data);
      } catch {}
      events.push(event === undefined ? { data: value } : { event, data: value });
    },
  });
  parser.feed(text);
  parser.feed("\n\n");
  return events;
}
