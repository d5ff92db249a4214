/**
 * How one stream operation says it is finished and how it reports a failure, as data: each
 * stream route carries one, written by codegen from `spec/stream-rules.json`. The stream
 * reader interprets it and knows nothing of any API's payloads.
 */
export interface StreamRule {
  /** Data that closes the stream (`[DONE]`); it is not an event. */
  readonly done?: string;
  /**
   * The stream is complete only when its last event's SSE name or JSON `type` is one of
   * these. With neither `done` nor `endTypes`, any clean end is complete.
   */
  readonly endTypes?: readonly string[];
  /** An event whose SSE name or JSON `type` is one of these is an error. */
  readonly errorTypes?: readonly string[];
  /** An event whose JSON has this field (not null) is an error... */
  readonly errorField?: string;
  /** ...unless it also has one of these, which mark an ordinary event. */
  readonly chunkFields?: readonly string[];
}

/** For a stream nobody described (`Stream.fromSSEResponse` without a rule): any end, named error events. */
export const ANY_END: StreamRule = { errorTypes: ["error"] };
