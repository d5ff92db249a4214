// For the @friendli-ts wrapper packages only: no stability promise, may change in any release.
// Users import from "@friendli-ts/client". Each name here has an importer among the wrappers
// (the call path: a core and the one door, `makeRequest`; the checks, secrets, waits, lists
// and streams the wrappers build on) or the mock; the route descriptors are `./routes`.
export { type CallCore, coreOf } from "./client/call-core.ts";
export { type AnswerProblem, checkedAnswer, isJsonObject, notAnObject } from "./client/checked-answer.ts";
export {
  callCoreFromSharedOptions,
  clientFromOptions,
  type SharedClientOptions,
} from "./client/client-from-options.ts";
export { pathValueProblem } from "./client/fill-path-template.ts";
export { makeRequest, type OperationCall, type UrlCall } from "./client/make-request.ts";
export { requestData } from "./client/request-data.ts";
export { type OperationId, operations } from "./generated/operations.ts";
export type { operations as operationTypes } from "./generated/schema.ts";
export { findOperation } from "./operations/find-operation.ts";
export type { Route } from "./operations/route.ts";
export { type Page, paginate } from "./pagination/paginate.ts";
export { readSseBatches } from "./sse/read-sse-batches.ts";
export { readItems, useBatches } from "./sse/stream.ts";
export { type BackoffOptions, backoffDelay } from "./transport/backoff-delay.ts";
export { checkTeamId } from "./transport/check-header-value.ts";
export { checkLimit, DEFAULT_MAX_RESPONSE_BYTES, quoteWithoutUserinfo } from "./transport/client-options.ts";
export { linkedAbort } from "./transport/linked-abort.ts";
export { joinBytes, readBodyCapped } from "./transport/read-body-capped.ts";
export { readEnv } from "./transport/read-env.ts";
export { redact, redactError, redactValue } from "./transport/redact.ts";
export { keepSecret, secretOf } from "./transport/secret-of.ts";
export { sleep } from "./transport/sleep.ts";
