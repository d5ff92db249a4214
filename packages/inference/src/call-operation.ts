import { type FriendliClient, prepareCall, type Stream, type StreamPath } from "@friendli-ts/client";
import type { RequestOptions } from "./request-options.ts";
import { InferenceStream, type StreamKind } from "./streams/inference-stream.ts";

// The families build their paths from a prefix, which the typed client methods cannot
// follow; each family's public signature carries the spec types instead.

/** POSTs a JSON (or multipart) body to one spec path and returns the parsed result. */
export async function postOperation<Result>(
  client: FriendliClient,
  path: string,
  body: unknown,
  options?: RequestOptions,
): Promise<Result> {
  const { client: api, header, signal, headers } = prepareCall(client, options);
  const { data, response } = await api.POST(path as never, { body, params: { header }, signal, headers } as never);
  options?.onResponse?.(response);
  return data as Result;
}

/** GETs one spec path and returns the parsed result. */
export async function getOperation<Result>(
  client: FriendliClient,
  path: string,
  options?: RequestOptions,
): Promise<Result> {
  const { client: api, header, signal, headers } = prepareCall(client, options);
  const { data, response } = await api.GET(path as never, { params: { header }, signal, headers } as never);
  options?.onResponse?.(response);
  return data as Result;
}

/** Opens a spec stream operation and wraps its events as `Item`s of one family. */
export async function streamOperation<Item, Final>(
  client: FriendliClient,
  streamPath: string,
  body: unknown,
  options: RequestOptions | undefined,
  kind: StreamKind<Item, Final>,
  toItem: (event: { event?: string; data: unknown }) => Item = (event) => event.data as Item,
): Promise<InferenceStream<Item, Final>> {
  const { client: api, header, signal, headers } = prepareCall(client, options);
  const stream = (await api.stream(
    streamPath as StreamPath,
    { body, params: { header }, signal, headers } as never,
  )) as unknown as Stream<{ event?: string; data: unknown }>;
  return InferenceStream.from(stream, kind, toItem);
}
