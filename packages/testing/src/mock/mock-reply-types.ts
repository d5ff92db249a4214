import type { OperationId, operationTypes as operations } from "@friendli-ts/client/internal";

/** The responses the spec gives operation `Id`, by status. */
export type ResponsesOf<Id extends OperationId> = operations[Id] extends { responses: infer R } ? R : never;
/** The body of response `R` for media type `Type` (never where it has none). */
export type ContentOf<R, Type extends string> = R extends { content: infer C }
  ? C extends Record<Type, infer B>
    ? B
    : never
  : never;
/** `unknown` where `T` is never. */
export type OrUnknown<T> = [T] extends [never] ? unknown : T;

/**
 * The JSON body the spec gives operation `Id` for `status` (`unknown` where it gives none,
 * e.g. an error status it does not describe).
 */
export type MockBody<Id extends OperationId, S extends number = 200> = OrUnknown<
  S extends keyof ResponsesOf<Id> ? ContentOf<ResponsesOf<Id>[S], "application/json"> : never
>;

/** One event of stream operation `Id` as the spec models it (`{ data }` or `{ event, data }`), or the `[DONE]` sentinel. */
export type MockEvent<Id extends OperationId> =
  | (200 extends keyof ResponsesOf<Id>
      ? OrUnknown<ContentOf<ResponsesOf<Id>[200], "text/event-stream">> & { event?: string }
      : { event?: string; data: unknown })
  | { event?: string; data: "[DONE]" };

/**
 * An event that breaks a stream on purpose, sent as given and not checked against the spec:
 * `rawData`, text sent after `data:` that is not JSON; `error`, sent as `data: {"error": ...}`
 * (name it with `event: "error"` if the client reads named error events).
 */
export type MockFaultEvent = { event?: string; rawData: string } | { event?: string; error: unknown };

/** A JSON answer: `status` (default 200), the body and extra headers. */
export interface MockJsonReply<Id extends OperationId, S extends number = 200> {
  status?: S;
  body?: MockBody<Id, S>;
  headers?: Record<string, string>;
  /** Milliseconds to wait before the status and headers (at most 10 minutes). */
  delayMs?: number;
  // Faults that count events belong to a stream reply, and a reset to a reply that sends nothing.
  eventDelayMs?: never;
  stallAfter?: never;
  cutAfter?: never;
  reset?: never;
}

/** A stream answer: the events, sent as server-sent events with status 200. */
export interface MockStreamReply<Id extends OperationId> {
  status?: 200;
  events: (MockEvent<Id> | MockFaultEvent)[];
  headers?: Record<string, string>;
  /** Milliseconds to wait before the status and headers (at most 10 minutes). */
  delayMs?: number;
  /** Milliseconds to wait before each event. */
  eventDelayMs?: number;
  /** After this many events, send nothing more and keep the connection open (until the client leaves or `stop()`). */
  stallAfter?: number;
  /** After this many events, destroy the connection: the stream ends mid-way. */
  cutAfter?: number;
  reset?: never;
}

/** No answer at all: the connection is reset (after `delayMs`, if given). The call is logged with status 0. */
export interface MockResetReply {
  reset: true;
  delayMs?: number;
  status?: never;
  body?: never;
  events?: never;
}

/** What `mock.respond(operationId, reply)` makes the mock answer. */
export type MockReply<Id extends OperationId, S extends number = 200> =
  | MockJsonReply<Id, S>
  | MockStreamReply<Id>
  | MockResetReply;

export interface RespondOptions {
  /** How many calls get this answer: a count (default 1) or `"always"` (until `mock.reset()`). */
  times?: number | "always";
}
