import { findOperation } from "./find-operation.ts";

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
// Operations under these tags create or change stored state; the rest of the POSTs
// (inference) do not, so repeating them is harmless.
const STATEFUL_TAGS = new Set(["Dedicated.Endpoint", "Dataset", "File"]);

/** Whether sending the request twice has the same effect as sending it once. */
export function isIdempotent(method: string, pathname: string): boolean {
  if (IDEMPOTENT_METHODS.has(method.toUpperCase())) return true;
  const operation = findOperation(method, pathname);
  return operation !== undefined && !STATEFUL_TAGS.has(operation.tag);
}
