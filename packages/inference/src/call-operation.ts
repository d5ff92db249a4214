import type { CallOptions, FriendliClient, SpecPath, Stream, StreamPath, SuccessData } from "@friendli-ts/client";
import {
  type CallCore,
  callOperation,
  callRoute,
  streamOperation as openStream,
  type RouteEntry,
  streamRoute,
} from "@friendli-ts/client/internal";
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
  return dataStream(await openStream<{ data: Item }>(client, path, { ...options, body }), kind);
}

/** The events' `data`, with one family's helpers. */
function dataStream<Item, Final>(events: Stream<{ data: Item }>, kind: StreamKind<Item, Final>) {
  return InferenceStream.from(
    events.map((event) => event.data),
    kind,
  );
}

/**
 * `postOperation` over a call core, for a family that names its routes: a bundle that
 * uses only that family carries neither the client object nor the route table.
 */
export function postRoute<Path extends SpecPath>(
  core: CallCore,
  route: RouteEntry,
  path: Path,
  body: unknown,
  options?: CallOptions,
): Promise<SuccessData<Path, "post">> {
  return callRoute<SuccessData<Path, "post">>(core, route, "post", path, { ...options, body });
}

/** `streamOperation` over a call core, for a family that names its routes. */
export async function streamRouteData<Item, Final>(
  core: CallCore,
  route: RouteEntry,
  path: StreamPath,
  body: unknown,
  options: CallOptions | undefined,
  kind: StreamKind<Item, Final>,
): Promise<InferenceStream<Item, Final>> {
  return dataStream(await streamRoute<{ data: Item }>(core, route, path, { ...options, body }), kind);
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
