import type { CallOptions, StreamPath } from "@friendli-ts/client";
import {
  type CallCore,
  type LoadPickFromJson,
  makeRequest,
  openStream,
  type Route,
} from "@friendli-ts/client/internal";
import { InferenceStream, readsTextFromJson, type StreamKind } from "./streams/inference-stream.ts";

/** One event as the client's stream decodes it. */
export interface RouteEvent {
  event?: string;
  data: unknown;
}

// The spec's events, not checked here: each of the kind's helpers checks the item it reads.
const dataOf = <Item>(event: RouteEvent) => event.data as Item;

/**
 * Opens a stream route through the client's door and wraps its items (each event's `data`,
 * or `toItem` of each event) in one family's stream helpers (`kind`).
 */
export async function openInferenceStream<Item, Final>(
  core: CallCore,
  route: Route<StreamPath, "post">,
  body: unknown,
  options: CallOptions | undefined,
  kind: StreamKind<Item, Final>,
  toItem: (event: RouteEvent) => Item = dataOf,
): Promise<InferenceStream<Item, Final>> {
  const events = await makeRequest(core, { route, body, openStream }, options);
  const stream = InferenceStream.from(events.map(toItem), kind);
  // The items are the events' data as sent: a kind's reader of JSON text gives what its textOf would.
  return toItem === dataOf
    ? readsTextFromJson(stream, (kind as { loadTextOfJson?: LoadPickFromJson }).loadTextOfJson)
    : stream;
}
