import { SpecSyncError } from "./spec-sync-error.ts";

// Just enough of OpenAPI 3.1 to say what normalisation touches.
type MediaTypes = Record<string, unknown>;
interface Operation {
  operationId?: string;
  responses?: Record<string, { description?: string; content?: MediaTypes } | undefined>;
  [key: string]: unknown;
}
type PathItem = Record<string, Operation>;
export interface OpenApiDocument {
  paths: Record<string, PathItem>;
  [key: string]: unknown;
}

const SSE = "text/event-stream";

/** `/v1/chat/completions#stream` -> `/v1/chat/completions`; other keys are unchanged. */
export const basePathOf = (pathKey: string) => pathKey.split("#")[0] as string;

/**
 * The Friendli spec describes each streaming variant as its own operation under a path key
 * with a fragment (`/x#stream`). No server routes on fragments, so a real request reaches
 * the non-stream operation, which only declares JSON. Copy each stream operation's
 * `text/event-stream` success content onto its base operation, so that a request with
 * `stream: true` and `Accept: text/event-stream` is valid against the base operation.
 * The fragment operations stay, so their request and event types are still generated.
 */
export function mergeStreamVariants(doc: OpenApiDocument): OpenApiDocument {
  const out = structuredClone(doc);
  for (const [pathKey, item] of Object.entries(out.paths)) {
    if (!pathKey.includes("#")) continue;
    const base = out.paths[basePathOf(pathKey)];
    for (const [method, op] of Object.entries(item)) {
      const target = base?.[method];
      if (!target) {
        throw new SpecSyncError(`${method.toUpperCase()} ${pathKey} has no base operation to merge into`);
      }
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const sse = response?.content?.[SSE];
        if (!sse) continue;
        target.responses ??= {};
        const into = (target.responses[status] ??= { ...response, content: {} });
        into.content = { ...into.content, [SSE]: sse };
      }
    }
  }
  return out;
}

/** The document a mock server can route: the same, without the fragment path keys. */
export function withoutFragmentPaths(doc: OpenApiDocument): OpenApiDocument {
  const paths = Object.fromEntries(Object.entries(doc.paths).filter(([key]) => !key.includes("#")));
  return { ...doc, paths };
}

/**
 * Query parameters marked `format: binary` (the pagination cursors) are text on the wire;
 * left as they are, the generated types would ask for a Blob. The format is dropped there.
 */
export function textQueryParameters(doc: OpenApiDocument): OpenApiDocument {
  const out = structuredClone(doc);
  const dropBinary = (schema: unknown): void => {
    if (typeof schema !== "object" || schema === null) return;
    const s = schema as Record<string, unknown>;
    if (s.format === "binary") delete s.format;
    for (const key of ["anyOf", "oneOf", "allOf"]) {
      if (Array.isArray(s[key])) for (const inner of s[key] as unknown[]) dropBinary(inner);
    }
  };
  for (const item of Object.values(out.paths)) {
    for (const op of Object.values(item)) {
      const parameters = (op as { parameters?: { in?: string; schema?: unknown }[] }).parameters ?? [];
      for (const parameter of parameters) if (parameter.in === "query") dropBinary(parameter.schema);
    }
  }
  return out;
}
