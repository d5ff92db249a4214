import { InferenceStream, type StreamKind } from "./inference-stream.ts";
import { type StreamFamilies, streamKinds } from "./stream-kinds.ts";

/**
 * Turns the bytes of `stream.toReadableStream()` (newline-delimited JSON, e.g. the body of
 * a route handler's `Response`) back into a stream of that family, with its helpers.
 */
export function rebuildStream<Name extends keyof StreamFamilies>(
  name: Name,
  body: ReadableStream<Uint8Array>,
): InferenceStream<StreamFamilies[Name]["item"], StreamFamilies[Name]["final"]> {
  const kind: StreamKind<StreamFamilies[Name]["item"], StreamFamilies[Name]["final"]> = streamKinds[name];
  return InferenceStream.fromReadable(body, kind);
}
