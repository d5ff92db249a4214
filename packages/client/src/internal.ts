// For the @friendli-ts wrapper packages only: no stability promise, may change in any release.
// Users import from "@friendli-ts/client". Each name here has an importer among the wrappers.

// The call path: a core, and the one door every wrapper method goes through.
export { type CallCore, coreOf } from "./client/call-core.ts";
// Checks of what goes out and what comes back.
export { type AnswerProblem, checkedAnswer, isJsonObject, notAnObject } from "./client/checked-answer.ts";
export {
  callCoreFromSharedOptions,
  clientFromOptions,
  type SharedClientOptions,
} from "./client/client-from-options.ts";
export { pathValueProblem } from "./client/fill-path-template.ts";
export { makeRequest, type OperationCall, type UrlCall } from "./client/make-request.ts";
// The spec's operations, for the wrappers' coverage tests.
export { type OperationId, operations } from "./generated/operations.ts";
export { findOperation } from "./operations/find-operation.ts";
export type { Route } from "./operations/route.ts";
export { paginate } from "./pagination/paginate.ts";
export { readBatches, useBatches } from "./sse/stream.ts";
// Waiting, listing and streams built on others.
export { type BackoffOptions, backoffDelay } from "./transport/backoff-delay.ts";
export { checkTeamId } from "./transport/check-header-value.ts";
export { checkLimit, quoteWithoutUserinfo } from "./transport/client-options.ts";
export { linkedAbort } from "./transport/linked-abort.ts";
export { joinBytes, readBodyCapped } from "./transport/read-body-capped.ts";
export { readEnv } from "./transport/read-env.ts";
// Secrets: what errors built outside the transport remove.
export { redact, redactError } from "./transport/redact.ts";
export { keepSecret, secretOf } from "./transport/secret-of.ts";
export { sleep } from "./transport/sleep.ts";
