// For the @friendli-ts wrapper packages only: no stability promise, may change in any release.
// Users import from "@friendli-ts/client".
export { appendQuery } from "./client/append-query.ts";
export { type CallCore, callCoreFromOptions } from "./client/call-core.ts";
export { callOperation, callRoute, streamOperation, streamRoute } from "./client/call-operation.ts";
export {
  type AnswerProblem,
  checkedAnswer,
  isJsonObject,
  notAnObject,
} from "./client/checked-answer.ts";
export {
  callCoreFromSharedOptions,
  clientFromOptions,
  type SharedClientOptions,
} from "./client/client-from-options.ts";
export { internalsOf } from "./client/client-internals.ts";
export { pathValueProblem } from "./client/fill-path-template.ts";
export { toFormData } from "./client/to-form-data.ts";
export { type OperationId, operations } from "./generated/operations.ts";
// One constant per operation, named by its operationId (`serverlessChatStream`), for
// `callRoute` and `streamRoute`; named exports, so a bundle keeps only those it uses.
export * from "./generated/routes.ts";
export { findOperation, type OperationInfo } from "./operations/find-operation.ts";
export { isRetrySafe, retryPolicy } from "./operations/retry-policy.ts";
export { type RouteFacts, routeFacts } from "./operations/route-facts.ts";
export { type Page, paginate } from "./pagination/paginate.ts";
export { readSseBatches } from "./sse/read-sse-batches.ts";
export { type BatchSource, readBatches, useBatches } from "./sse/stream.ts";
export { type BackoffOptions, backoffDelay } from "./transport/backoff-delay.ts";
export { checkTeamId } from "./transport/check-header-value.ts";
export { checkLimit, DEFAULT_MAX_RESPONSE_BYTES, quoteWithoutUserinfo } from "./transport/client-options.ts";
export { type LinkedAbort, linkedAbort } from "./transport/linked-abort.ts";
export { type PlainRequest, plainFetch } from "./transport/plain-fetch.ts";
export { type CappedBody, joinBytes, type ReadCappedOptions, readBodyCapped } from "./transport/read-body-capped.ts";
export { readEnv } from "./transport/read-env.ts";
export { redact, redactError, redactValue } from "./transport/redact.ts";
export { keepSecret, secretOf } from "./transport/secret-of.ts";
export { sleep } from "./transport/sleep.ts";
