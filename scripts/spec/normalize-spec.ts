import { type ExampleRepair, exampleRepairs } from "./example-repairs.ts";
import { SpecSyncError } from "./spec-sync-error.ts";

// Just enough of OpenAPI 3.1 to say what normalisation touches.
type MediaTypes = Record<string, MediaObject | undefined>;
interface MediaObject {
  schema?: unknown;
  example?: unknown;
  examples?: Record<string, { value?: unknown } | undefined>;
  [key: string]: unknown;
}
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
 * `format: binary` means a file only in a multipart upload. Elsewhere the Friendli spec also
 * uses it for text: pagination cursors (query parameters and `nextCursor`), base64 fields of
 * JSON answers. Left as it is, the generated types would call those a Blob, so the format is
 * dropped everywhere but in the schemas of multipart request bodies.
 */
export function binaryOnlyInUploads(doc: OpenApiDocument): OpenApiDocument {
  const out = structuredClone(doc);
  const uploads = new Set<string>();
  for (const item of Object.values(out.paths)) {
    for (const op of Object.values(item)) {
      const multipart = (op.requestBody as { content?: Record<string, { schema?: { $ref?: string } }> } | undefined)
        ?.content?.["multipart/form-data"];
      const ref = multipart?.schema?.$ref;
      if (ref) uploads.add(ref.split("/").pop() as string);
    }
  }
  const dropBinary = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) dropBinary(item);
    if (typeof node !== "object" || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.format === "binary") delete record.format;
    for (const value of Object.values(record)) dropBinary(value);
  };
  for (const item of Object.values(out.paths)) {
    for (const op of Object.values(item)) {
      const { requestBody, ...rest } = op;
      dropBinary(rest);
      const content = (requestBody as { content?: Record<string, unknown> } | undefined)?.content ?? {};
      for (const [type, media] of Object.entries(content)) if (type !== "multipart/form-data") dropBinary(media);
    }
  }
  const schemas = ((out.components as { schemas?: Record<string, unknown> } | undefined)?.schemas ?? {}) as Record<
    string,
    unknown
  >;
  for (const [name, schema] of Object.entries(schemas)) if (!uploads.has(name)) dropBinary(schema);
  return out;
}

/** One row of the repair table, as the normaliser reports it. */
export type RepairEntry = Pick<ExampleRepair, "operation" | "status" | "mediaType" | "what" | "why">;

export interface RepairReport {
  /** The repairs made. */
  applied: RepairEntry[];
  /** Repairs not made, and why (upstream fixed the example, or the answer is gone). */
  skipped: (RepairEntry & { reason: string })[];
}

const entryOf = ({ operation, status, mediaType, what, why }: ExampleRepair): RepairEntry => ({
  operation,
  status,
  mediaType,
  what,
  why,
});

/**
 * Applies the table of example repairs (scripts/spec/example-repairs.ts) to the published
 * spec: each replaces the first example of one answer (or adds one where there is none).
 * Run it before the stream variants are merged, so their copies carry the repair too.
 */
export function repairExamples(
  doc: OpenApiDocument,
  repairs: ExampleRepair[] = exampleRepairs,
): { doc: OpenApiDocument; report: RepairReport } {
  const out = structuredClone(doc);
  const byId = new Map<string, Operation>();
  for (const item of Object.values(out.paths)) {
    for (const op of Object.values(item)) if (op?.operationId) byId.set(op.operationId, op);
  }
  const report: RepairReport = { applied: [], skipped: [] };
  for (const repair of repairs) {
    const media = byId.get(repair.operation)?.responses?.[repair.status]?.content?.[repair.mediaType];
    if (!media) {
      report.skipped.push({ ...entryOf(repair), reason: "the spec has no such answer any more" });
      continue;
    }
    const named = media.examples ? Object.keys(media.examples)[0] : undefined;
    const current = named !== undefined ? media.examples?.[named]?.value : media.example;
    if (!repair.broken(current)) {
      report.skipped.push({ ...entryOf(repair), reason: "the published example no longer has the problem" });
      continue;
    }
    const value = repair.repair(current);
    if (named !== undefined) media.examples = { ...media.examples, [named]: { ...media.examples?.[named], value } };
    else media.example = value;
    report.applied.push(entryOf(repair));
  }
  return { doc: out, report };
}

/**
 * What `pnpm generate` says of the repairs: how many of the published examples (which the mock
 * server answers with) were corrected, naming them only when `verbose`, and always a line per
 * repair not applied, which asks for its row in example-repairs.ts to go.
 */
export function formatRepairReport({ applied, skipped }: RepairReport, { verbose = false } = {}): string {
  const count = `${applied.length} published example${applied.length === 1 ? "" : "s"}`;
  const names = applied.map((r) => `${r.operation} ${r.status}`).join(", ");
  const lines = [
    verbose
      ? `corrected ${count} of the spec, for the mock server to answer with (scripts/spec/example-repairs.ts)${applied.length ? `: ${names}` : ""}`
      : `corrected ${count} of the spec, for the mock server to answer as a real server would ("pnpm generate --verbose" names them)`,
    ...skipped.map((r) => `repair not applied, ${r.operation} ${r.status} ${r.mediaType}: ${r.reason}`),
  ];
  return lines.join("\n");
}
