import type { FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import type { PathsWithMethod, RequiredKeysOf } from "openapi-typescript-helpers";
import type { paths } from "../generated/schema.ts";

export type Paths = paths;
export type Method = "get" | "put" | "post" | "delete" | "patch";

/** openapi-fetch's per-call options for one path and method. */
export type CallInit<P extends keyof Paths, M extends Method> = MaybeOptionalInit<Paths[P], M>;

type InitParam<Init> =
  RequiredKeysOf<Init> extends never ? [(Init & { [key: string]: unknown })?] : [Init & { [key: string]: unknown }];

/** What a successful call resolves to. Failures throw, so there is no `error` to check. */
export interface CallResult<Data> {
  data: Data;
  response: Response;
}

// JSON only: after normalisation a base operation also lists its stream content, which a
// plain call never receives.
export type SuccessData<P extends keyof Paths, M extends Method, Init> = NonNullable<
  FetchResponse<Paths[P][M] & Record<string | number, unknown>, Init, "application/json">["data"]
>;

/** `client.POST("/path", init)`, typed from the spec like openapi-fetch, but throwing on errors. */
export type CallMethod<M extends Method> = <P extends PathsWithMethod<Paths, M>, Init extends CallInit<P, M>>(
  path: P,
  ...init: InitParam<Init>
) => Promise<CallResult<SuccessData<P, M, Init>>>;

/** The spec's path keys of streaming operations, e.g. `/serverless/v1/chat/completions#stream`. */
export type StreamPath = Extract<PathsWithMethod<Paths, "post">, `${string}#stream`>;

type StreamContent<P extends StreamPath> = Paths[P]["post"] extends {
  responses: { 200: { content: { "text/event-stream": infer Event } } };
}
  ? Event
  : never;

/**
 * One event of a stream operation, as the spec models it (`{ data }` or `{ event, data }`),
 * plus the SSE `event` name and `id` whenever the server sent them.
 */
export type StreamEvent<P extends StreamPath> = StreamContent<P> & { event?: string; id?: string };

/** The request body of a stream operation. */
export type StreamBody<P extends StreamPath> = Paths[P]["post"] extends {
  requestBody: { content: infer Content };
}
  ? Content[keyof Content]
  : never;

export type StreamInit<P extends StreamPath> = CallInit<P, "post">;
