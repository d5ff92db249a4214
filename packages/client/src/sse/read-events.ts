// Loaded on a stream's first read (stream.ts imports it with `import()`): with eventsource-parser
// and the readers below it, it is most of what a stream costs, and an app that never reads one
// downloads none of it. It imports nothing the start loads; what it needs comes in `helpers`.
import { type DecodedEvent, decodeEvent, endedCompletely } from "./decode-event.ts";
import { readSse, STREAM_END } from "./read-sse.ts";

export { readSse };

import type { SseHelpers } from "./sse-helpers.ts";
import type { PickFromJson, SseStreamOptions } from "./stream.ts";
import { ANY_END } from "./stream-rule.ts";

/**
 * The batches of an SSE response: the body read, and each event decoded under the rule, in
 * one loop (readSse's).
 */
export function readEvents(
  response: Response,
  options: SseStreamOptions,
  helpers: SseHelpers,
  fromJson?: PickFromJson,
): AsyncIterator<(DecodedEvent<object> | string | null)[]> {
  const requestId = response.headers.get("x-request-id");
  const rule = options.rule ?? ANY_END;
  const { StreamInterruptedError } = helpers;
  if (!response.body) {
    options.onEnd?.();
    const error = new StreamInterruptedError("the response has no body to stream", requestId);
    return { next: () => Promise.reject(error) };
  }
  let last: DecodedEvent<object> | undefined;
  let done = false;
  // Only where the rule can tell neither an error nor the end from such an event's fields
  // (a done sentinel, the `error` field): then skipping the parse changes nothing.
  const picking =
    fromJson !== undefined && rule.done !== undefined && (rule.errorField ?? "error") === "error"
      ? fromJson
      : undefined;
  return readSse(response.body, {
    requestId,
    idleTimeout: options.idleTimeout,
    maxEventBytes: options.maxEventBytes,
    accept: (message) => {
      if (message.data === rule.done) {
        done = true;
        return STREAM_END;
      }
      if (picking !== undefined && message.event === undefined) {
        const picked = picking(message.data);
        if (picked !== undefined) return picked;
      }
      last = decodeEvent(message, rule, requestId, helpers);
      return last;
    },
    complete: () => {
      if (!endedCompletely(rule, last, done)) {
        throw new StreamInterruptedError("the stream ended before its final event", requestId);
      }
    },
    onEnd: options.onEnd,
    helpers,
  });
}
