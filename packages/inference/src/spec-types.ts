import type { components, SpecPath, StreamPath } from "@friendli-ts/client";

/** The spec's named schemas. */
export type Schemas = components["schemas"];

/** Where each deployment kind mounts its inference routes. Containers serve at the root. */
export type Prefix = "/serverless" | "/dedicated" | "";

/** A path the spec has, e.g. `` SpecKey<`${P}/v1/chat/completions`> ``: a typo fails the type check. */
export type SpecKey<K extends SpecPath> = K;

/** A stream operation's path the spec has (`...#stream`): a typo fails the type check. */
export type StreamKey<K extends StreamPath> = K;

/**
 * A body without the `stream` flag: the method sets it. An intersection rather than `Omit`:
 * several spec bodies carry an index signature (Omit would erase their named fields) or are unions.
 */
export type NoStreamFlag<Body> = Body & { stream?: never };
