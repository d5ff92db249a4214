import type { paths, StreamEvent, StreamPath } from "@friendli-ts/client";

/** Where each deployment kind mounts its inference routes. Containers serve at the root. */
export type Prefix = "/serverless" | "/dedicated" | "";

type PostOf<K> = K extends keyof paths ? (paths[K] extends { post: infer Op } ? Op : never) : never;

/** The JSON request body of a spec operation (`POST K`). */
export type JsonBody<K> =
  PostOf<K> extends { requestBody: { content: { "application/json": infer Body } } } ? Body : never;

/** The multipart request body of a spec operation (`POST K`). */
export type MultipartBody<K> =
  PostOf<K> extends { requestBody: { content: { "multipart/form-data": infer Body } } } ? Body : never;

/** The JSON result of a spec operation (`POST K` or `GET K`). */
export type JsonResult<K, M extends "post" | "get" = "post"> = K extends keyof paths
  ? paths[K] extends { [m in M]: { responses: { 200: { content: { "application/json": infer Data } } } } }
    ? Data
    : never
  : never;

/** The `data` of one event of a spec stream operation (`K#stream`). */
export type StreamData<K> = K extends StreamPath ? (StreamEvent<K> extends { data: infer Data } ? Data : never) : never;

/** A stream operation's body: the SDK sets `stream` itself. */
export type StreamRequest<K> = K extends StreamPath ? NoStreamFlag<StreamBodyOf<K>> : never;

type StreamBodyOf<K extends StreamPath> = PostOf<K> extends { requestBody: { content: infer C } } ? C[keyof C] : never;

/**
 * A body without the `stream` flag. An intersection rather than `Omit`: several spec bodies
 * carry an index signature (Omit would erase their named fields) or are unions.
 */
export type NoStreamFlag<Body> = Body & { stream?: never };
