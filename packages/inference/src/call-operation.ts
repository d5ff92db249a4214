import type { CallOptions, FriendliClient, SpecPath, StreamPath, SuccessData } from "@friendli-ts/client";
import { callOperation, streamOperation as openStream } from "@friendli-ts/client/internal";
import { InferenceStream, type StreamKind } from "./streams/inference-stream.ts";

// The families build their paths from a prefix, which the client's typed methods cannot
// follow; the paths stay spec keys, and each family's public signature carries the spec
// types. The caller's options go to the client whole.

/** POSTs a JSON (or multipart) body to one spec path; the spec's result for that path. */
export function postOperation<Path extends SpecPath>(
  client: FriendliClient,
  path: Path,
  body: unknown,
  options?: CallOptions,
): Promise<SuccessData<Path, "post">> {
  return callOperation<SuccessData<Path, "post">>(client, "post", path, { ...options, body });
}

/** GETs one spec path; the spec's result for that path. */
export function getOperation<Path extends SpecPath>(
  client: FriendliClient,
  path: Path,
  options?: CallOptions,
): Promise<SuccessData<Path, "get">> {
  return callOperation<SuccessData<Path, "get">>(client, "get", path, options);
}

/** Opens a spec stream operation: the `data` of each event, as one family's stream. */
export async function streamOperation<Item, Final>(
  client: FriendliClient,
  path: StreamPath,
  body: unknown,
  options: CallOptions | undefined,
  kind: StreamKind<Item, Final>,
): Promise<InferenceStream<Item, Final>> {
  const events = await openStream<{ data: Item }>(client, path, { ...options, body });
  return InferenceStream.from(
    events.map((event) => event.data),
    kind,
  );
}

/** The same, for a family whose items are the whole events (`{ event, data }`). */
export async function streamEvents<Item, Final>(
  client: FriendliClient,
  path: StreamPath,
  body: unknown,
  options: CallOptions | undefined,
  kind: StreamKind<Item, Final>,
  toItem: (event: { event?: string; data: unknown }) => Item,
): Promise<InferenceStream<Item, Final>> {
  const events = await openStream<{ event?: string; data: unknown }>(client, path, { ...options, body });
  return InferenceStream.from(events.map(toItem), kind);
}
