import type { OperationId, operationTypes as operations } from "@friendli-ts/client/internal";

type ResponsesOf<Id extends OperationId> = operations[Id] extends { responses: infer R } ? R : never;
type ContentOf<R, Type extends string> = R extends { content: infer C }
  ? C extends Record<Type, infer B>
    ? B
    : never
  : never;
type OrUnknown<T> = [T] extends [never] ? unknown : T;

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

/** A JSON answer: `status` (default 200), the body and extra headers. */
export interface MockJsonReply<Id extends OperationId, S extends number = 200> {
  status?: S;
  body?: MockBody<Id, S>;
  headers?: Record<string, string>;
}

/** A stream answer: the events, sent as server-sent events with status 200. */
export interface MockStreamReply<Id extends OperationId> {
  status?: 200;
  events: MockEvent<Id>[];
  headers?: Record<string, string>;
}

/** What `mock.respond(operationId, reply)` makes the mock answer. */
export type MockReply<Id extends OperationId, S extends number = 200> = MockJsonReply<Id, S> | MockStreamReply<Id>;

export interface RespondOptions {
  /** How many calls get this answer: a count (default 1) or `"always"` (until `mock.reset()`). */
  times?: number | "always";
}
