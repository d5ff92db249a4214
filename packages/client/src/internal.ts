// For the @friendli-ts wrapper packages only: no stability promise, may change in any release.
// Users import from "@friendli-ts/client". Each name here has an importer in a sibling package
// (the call path: a core and the one door, `makeRequest`, `requestData`; the checks, secrets,
// waits, lists and streams the wrappers build on; the mock's helpers): internal-importers.test.ts
// fails on one that has none. The route descriptors are `./routes`. The types the signatures
// name are members of one namespace, `InternalTypes` (internal-types.ts).
import type * as InternalTypes from "./internal-types.ts";

export { type CallCore, coreOf } from "./client/call-core.ts";
export { type AnswerProblem, checkedAnswer, isJsonObject, notAnObject } from "./client/checked-answer.ts";
export { callCoreFromSharedOptions, clientFromOptions } from "./client/client-from-options.ts";
export { pathValueProblem } from "./client/fill-path-template.ts";
export { makeRequest, requestData } from "./client/make-request.ts";
export { openStream } from "./client/open-stream.ts";
export { type OperationId, operations } from "./generated/routes.ts";
export type { operations as operationTypes } from "./generated/schema.ts";
export { findOperation } from "./operations/find-operation.ts";
export { pathPattern } from "./operations/path-pattern.ts";
export type { Route } from "./operations/route.ts";
export { paginate } from "./pagination/paginate.ts";
export { readSseBatches } from "./sse/read-sse-batches.ts";
export { type LoadPickFromJson, readItems } from "./sse/stream.ts";
export { type BackoffOptions, backoffDelay } from "./transport/backoff-delay.ts";
export { checkTeamId } from "./transport/check-header-value.ts";
export { checkLimit, DEFAULT_MAX_RESPONSE_BYTES, quoteWithoutUserinfo } from "./transport/client-options.ts";
export { linkedAbort } from "./transport/linked-abort.ts";
export { joinBytes, readBodyCapped } from "./transport/read-body-capped.ts";
export { readEnv } from "./transport/read-env.ts";
export { redact, redactError } from "./transport/redact.ts";
export { wasNeverSent } from "./transport/retry-decision.ts";
export { keepSecret, secretOf } from "./transport/secret-of.ts";
export { sleep } from "./transport/sleep.ts";
export type { OwnedBytes } from "./transport/web-types.ts";
export type { InternalTypes };
