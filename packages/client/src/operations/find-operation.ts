import { type OperationId, operations } from "../generated/operations.ts";
import { pathPattern } from "./path-pattern.ts";

export type OperationInfo = (typeof operations)[OperationId];

interface Matcher {
  method: string;
  pattern: RegExp;
  operation: OperationInfo;
}

let matchers: Matcher[] | undefined;

function buildMatchers(): Matcher[] {
  // Stream variants share their base operation's path; the first entry (the base) wins.
  return Object.values(operations)
    .filter((op) => !op.stream)
    .map((operation) => ({
      method: operation.method.toUpperCase(),
      pattern: pathPattern(operation.path),
      operation,
    }));
}

/**
 * The spec operation a request goes to, from its method and path (without the base URL's own
 * path). With `stream`, its stream variant (`...#stream`) where it has one.
 */
export function findOperation(method: string, pathname: string, stream = false): OperationInfo | undefined {
  matchers ??= buildMatchers();
  const upper = method.toUpperCase();
  const base = matchers.find((m) => m.method === upper && m.pattern.test(pathname))?.operation;
  if (base === undefined || !stream) return base;
  const streamPath = `${base.specPath}#stream`;
  return Object.values(operations).find((op) => op.method === base.method && op.specPath === streamPath) ?? base;
}
