// The types the error classes' constructors and fields name, which users seldom write: errors.ts
// exports them as one namespace, `ErrorTypes`, so every wrapper's `export *` of the errors entry
// carries one name for them, not three.
export type { ApiErrorInit, ValidationIssue } from "./errors/api-error.ts";
export type { MiddlewareHook } from "./errors/middleware-error.ts";
