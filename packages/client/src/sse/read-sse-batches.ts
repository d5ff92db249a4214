import type { SseMessage } from "./read-sse.ts";
import { sseHelpers } from "./sse-helpers.ts";

/**
 * Server-sent events of a body as the messages of each read, unparsed, to its end: for
 * readers that apply no stream rule (the mock's drift check). The reader is imported on the
 * first read, as a stream's is: a static import here would put it in every app's start,
 * since a bundler splits by the files `internal.ts` names, used or not.
 */
export async function* readSseBatches(
  body: ReadableStream<Uint8Array>,
  requestId: string | null = null,
  idleTimeout = 0,
  maxEventBytes = sseHelpers.DEFAULT_MAX_EVENT_BYTES,
): AsyncGenerator<SseMessage[]> {
  // From the module a stream loads on its first read: one chunk for both.
  const { readSse } = await import("./read-events.ts");
  yield* readSse(body, { requestId, idleTimeout, maxEventBytes, accept: (message) => message, helpers: sseHelpers });
}
