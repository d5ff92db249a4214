import { APITimeoutError } from "../errors/connection-errors.ts";
import { ResponseTooLargeError } from "../errors/response-too-large-error.ts";
import { StreamEventError, StreamInterruptedError, StreamParseError } from "../errors/stream-errors.ts";
import { DEFAULT_MAX_EVENT_BYTES } from "../transport/client-options.ts";

/**
 * What the SSE reader (read-events.ts, loaded on a stream's first read with `import()`) takes
 * from the code an app loads at start: the errors it throws and the default event cap. It
 * gets them as an argument and imports none of them: a bundler puts a module both load in a
 * chunk of its own, and the app's start would be cut in two.
 */
export const sseHelpers = {
  APITimeoutError,
  ResponseTooLargeError,
  StreamEventError,
  StreamInterruptedError,
  StreamParseError,
  DEFAULT_MAX_EVENT_BYTES,
};
export type SseHelpers = typeof sseHelpers;
