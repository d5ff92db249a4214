import type { ParamsOption, RequestBodyOption } from "openapi-fetch";
import type { PathsWithMethod, RequiredKeysOf, SuccessResponse } from "openapi-typescript-helpers";
import type { paths } from "../generated/schema.ts";
import type { Method, SpecPath } from "../operations/route.ts";
import type { CallOptions } from "./call-options.ts";

export type { Method, SpecPath };

/** The spec's operation for `M P`. */
export type OperationOf<P extends SpecPath, M extends Method> = paths[P] extends Record<M, infer Op> ? Op : never;

/** What a call of `M P` takes: the spec's `params` and `body`, and the call options. */
export type CallInit<P extends SpecPath, M extends Method> = ParamsOption<OperationOf<P, M>> &
  RequestBodyOption<OperationOf<P, M>> &
  CallOptions;

export type InitParam<Init> = RequiredKeysOf<Init> extends never ? [Init?] : [Init];

/** What a successful call resolves to. Failures throw, so there is no `error` to check. */
export interface CallResult<Data> {
  data: Data;
  response: Response;
}

// JSON only: after normalisation a base operation also lists its stream content, which a
// plain call never receives. The responses are read as the helpers' `ResponseObjectMap`
// reads them, but `never` rather than `unknown` without any: TypeScript before 5.4 refuses
// `unknown` where `SuccessResponse` wants a record.
/** The JSON body of a success answer of `M P`. */
export type SuccessData<P extends SpecPath, M extends Method> = NonNullable<
  SuccessResponse<
    // biome-ignore lint/suspicious/noExplicitAny: the helpers' own test, so generic code relates the two
    OperationOf<P, M> extends { responses: any } ? OperationOf<P, M>["responses"] : never,
    "application/json"
  >
>;

/** `client.POST("/path", init)`, typed from the spec, throwing on errors. */
export type CallMethod<M extends Method> = <P extends PathsWithMethod<paths, M>>(
  path: P,
  ...init: InitParam<CallInit<P, M>>
) => Promise<CallResult<SuccessData<P, M>>>;

/** The spec's path keys of streaming operations, e.g. `/serverless/v1/chat/completions#stream`. */
export type StreamPath = Extract<PathsWithMethod<paths, "post">, `${string}#stream`>;

export type StreamContent<P extends StreamPath> = paths[P]["post"] extends {
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
export type StreamBody<P extends StreamPath> = paths[P]["post"] extends {
  requestBody: { content: infer Content };
}
  ? Content[keyof Content]
  : never;

export type StreamInit<P extends StreamPath> = CallInit<P, "post">;

// Helpers the wrappers read their types from: one set, here.

/** The request body of `M P` (JSON or multipart, whichever the spec declares). */
export type RequestBody<P extends SpecPath, M extends Method = "post"> =
  OperationOf<P, M> extends {
    requestBody?: { content: infer Content };
  }
    ? Content[keyof Content]
    : never;

/** The `params` (path, query, header) the spec gives `M P`. */
export type CallParams<P extends SpecPath, M extends Method> =
  ParamsOption<OperationOf<P, M>> extends { params?: infer Params } ? Params : never;

/** The query parameters of `M P`. */
export type QueryParams<P extends SpecPath, M extends Method = "get"> =
  OperationOf<P, M> extends {
    parameters: { query?: infer Query };
  }
    ? NonNullable<Query>
    : never;

/** The `data` of one event of a stream operation. */
export type StreamData<P extends StreamPath> = StreamEvent<P> extends { data: infer Data } ? Data : never;
