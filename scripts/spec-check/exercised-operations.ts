import type { RecordedCall } from "@friendli-ts/testing";
import { pathPattern } from "../../packages/client/src/operations/path-pattern.ts";
import type { OperationEntry } from "../codegen/build-operation-index.ts";

/**
 * The operation ids the recorded calls exercised with a success answer. A request that
 * asked for an event stream counts for the `#stream` variant of its path.
 */
export function exercisedOperations(calls: RecordedCall[], index: OperationEntry[]): Set<string> {
  const matchers = index.map((op) => ({ op, pattern: pathPattern(op.path) }));
  const out = new Set<string>();
  for (const call of calls) {
    if (call.status < 200 || call.status >= 300) continue;
    const found = matchers.find(
      ({ op, pattern }) =>
        op.method === call.method.toLowerCase() && op.stream === call.stream && pattern.test(call.path),
    );
    if (found) out.add(found.op.operationId);
  }
  return out;
}
