import { InferenceStream, type StreamKind } from "./inference-stream.ts";
import { streamKinds } from "./stream-kinds.ts";

type Kinds = typeof streamKinds;
type ItemOf<K> = K extends StreamKind<infer Item, unknown> ? Item : never;
type FinalOf<K> = K extends StreamKind<unknown, infer Final> ? Final : never;

/**
 * Turns the bytes of `stream.toReadableStream()` (newline-delimited JSON, e.g. the body of
 * a route handler's `Response`) back into a stream of that family, with its helpers.
 */
export function rebuildStream<Name extends keyof Kinds>(
  name: Name,
  body: ReadableStream<Uint8Array>,
): InferenceStream<ItemOf<Kinds[Name]>, FinalOf<Kinds[Name]>> {
  return InferenceStream.fromReadable(
    body,
    streamKinds[name] as unknown as StreamKind<ItemOf<Kinds[Name]>, FinalOf<Kinds[Name]>>,
  );
}
