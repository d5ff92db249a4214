import type { FriendliInference } from "./create-friendli-inference.ts";
import type { DeploymentKind } from "./deployment-kinds.ts";
import type { InferenceStream } from "./streams/inference-stream.ts";

/** The name of every inference method, as `createFriendliInference()` has it: `"serverless.chat.complete"`, ... */
export type InferenceMethod = MethodPaths<Pick<FriendliInference, DeploymentKind>>;

/** The dotted path of every method in `T`, nested objects included. */
export type MethodPaths<T, Path extends string = ""> = {
  [K in keyof T & string]: T[K] extends (...args: never[]) => unknown
    ? `${Path}${K}`
    : MethodPaths<T[K], `${Path}${K}.`>;
}[keyof T & string];

/** The member at a dotted path (`"dedicated.embeddings.create"`) of `T`. */
export type At<T, Path extends string> = Path extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? At<T[Head], Rest>
    : never
  : Path extends keyof T
    ? T[Path]
    : never;

export type MethodAt<M extends InferenceMethod> = At<FriendliInference, M>;

/**
 * What a method takes, from the spec: `MethodBody<"dedicated.embeddings.create">`. One name
 * for every family and kind, rather than a type per body (not `Body`, the DOM's name).
 */
export type MethodBody<M extends InferenceMethod> =
  MethodAt<M> extends (body: infer B, ...rest: never[]) => unknown ? B : never;

/** What a method resolves to: the spec's result, or for a stream method its `InferenceStream`. */
export type Result<M extends InferenceMethod> = MethodAt<M> extends (...args: never[]) => Promise<infer R> ? R : never;

/** One item of a stream method's stream: `StreamItem<"serverless.chat.stream">` is a chat chunk. */
export type StreamItem<M extends InferenceMethod> =
  Result<M> extends InferenceStream<infer Item, unknown> ? Item : never;

/** What a stream method's `finalResult()` gives: the items merged into one answer. */
export type FinalResult<M extends InferenceMethod> =
  Result<M> extends InferenceStream<unknown, infer Final> ? Final : never;
