import { refName } from "./schema-signature.ts";
import type { Operation, Schema, Spec, Usage } from "./types.ts";

const METHODS = ["get", "put", "post", "delete", "patch"] as const;

export interface OperationEntry {
  operationId: string;
  method: string;
  path: string;
  tag: string;
  operation: Operation;
}

// Reports ask for these once per change: computed once per spec object.
const operationsCache = new WeakMap<Spec, Map<string, OperationEntry>>();
const usageCache = new WeakMap<Spec, Map<string, Usage & { operations: Set<string> }>>();

/** Every operation of a spec by operationId. */
export function operationsOf(spec: Spec): Map<string, OperationEntry> {
  const cached = operationsCache.get(spec);
  if (cached) return cached;
  const out = new Map<string, OperationEntry>();
  operationsCache.set(spec, out);
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation?.operationId) continue;
      out.set(operation.operationId, {
        operationId: operation.operationId,
        method,
        path,
        tag: operation.tags?.[0] ?? "default",
        operation,
      });
    }
  }
  return out;
}

/** Names of the schemas a schema refers to, transitively. */
export function reachableSchemas(spec: Spec, roots: (Schema | undefined)[]): Set<string> {
  const seen = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    const ref = (node as Schema).$ref;
    if (typeof ref === "string") {
      const name = refName(ref);
      if (seen.has(name)) return;
      seen.add(name);
      visit(spec.components?.schemas?.[name]);
    }
    for (const value of Object.values(node)) visit(value);
  };
  roots.forEach(visit);
  return seen;
}

export const requestSchemas = (op: Operation) => [
  ...Object.values(op.requestBody?.content ?? {}).map((c) => c.schema),
  ...(op.parameters ?? []).map((p) => ("schema" in p ? p.schema : undefined)),
];
export const responseSchemas = (op: Operation) =>
  Object.values(op.responses ?? {}).flatMap((r) => Object.values(r.content ?? {}).map((c) => c.schema));

/**
 * For each named schema: is it sent by users (request), read by them (response), and
 * which operations reach it.
 */
export function schemaUsage(spec: Spec): Map<string, Usage & { operations: Set<string> }> {
  const cached = usageCache.get(spec);
  if (cached) return cached;
  const usage = new Map<string, Usage & { operations: Set<string> }>();
  usageCache.set(spec, usage);
  const mark = (names: Set<string>, side: "request" | "response", operationId: string) => {
    for (const name of names) {
      const entry = usage.get(name) ?? { request: false, response: false, operations: new Set<string>() };
      entry[side] = true;
      entry.operations.add(operationId);
      usage.set(name, entry);
    }
  };
  for (const { operationId, operation } of operationsOf(spec).values()) {
    mark(reachableSchemas(spec, requestSchemas(operation)), "request", operationId);
    mark(reachableSchemas(spec, responseSchemas(operation)), "response", operationId);
  }
  return usage;
}
