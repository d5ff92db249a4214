export * from "./api-error.ts";
export * from "./connection-errors.ts";
export { createApiError } from "./create-api-error.ts";
export * from "./friendli-error.ts";
export * from "./invalid-response-error.ts";
export * from "./middleware-error.ts";
export * from "./page-limit-error.ts";
export * from "./response-too-large-error.ts";
export * from "./stream-errors.ts";
