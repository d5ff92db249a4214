// Just enough of OpenAPI 3.1 to route a request and find the schema of an answer.
import { pathPattern } from "@friendli-ts/client/internal";

export interface MediaObject {
  schema?: unknown;
  example?: unknown;
  examples?: Record<string, { value?: unknown } | undefined>;
  [key: string]: unknown;
}
export interface ResponseObject {
  description?: string;
  content?: Record<string, MediaObject | undefined>;
}
export interface SpecDocument {
  paths: Record<
    string,
    Record<string, { operationId?: string; responses?: Record<string, ResponseObject | undefined> }>
  >;
  components?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface SpecOperation {
  operationId: string;
  method: string;
  /** The URL path template (a `#stream` fragment removed). */
  path: string;
  /** The key in the spec's `paths`, e.g. `/serverless/v1/chat/completions#stream`. */
  specPath: string;
  /** Answers with server-sent events: a `#stream` variant, or an operation declaring only SSE. */
  stream: boolean;
  /** Can answer with server-sent events when the request asks for them. */
  streams: boolean;
  responses: Record<string, ResponseObject | undefined>;
}

const METHODS = new Set(["get", "put", "post", "delete", "patch", "head", "options"]);
export const SSE = "text/event-stream";
export const JSON_TYPE = "application/json";

export interface SpecIndex {
  doc: SpecDocument;
  byId: Map<string, SpecOperation>;
  /** The operation a request goes to: method, path (no query) and whether it asked for a stream. */
  match(method: string, pathname: string, stream: boolean): SpecOperation | undefined;
}

/** Indexes an OpenAPI document's operations by id and by route. */
export function indexSpec(doc: SpecDocument): SpecIndex {
  const byId = new Map<string, SpecOperation>();
  const routes: { op: SpecOperation; pattern: RegExp; params: number }[] = [];
  for (const [specPath, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item ?? {})) {
      if (!METHODS.has(method) || !op?.operationId) continue;
      const responses = op.responses ?? {};
      const types = Object.keys(responses["200"]?.content ?? {});
      const path = specPath.split("#")[0] as string;
      const entry: SpecOperation = {
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        specPath,
        stream: specPath.includes("#") ? types.includes(SSE) : types.length > 0 && types.every((t) => t === SSE),
        streams: types.includes(SSE),
        responses,
      };
      byId.set(entry.operationId, entry);
      const pattern = pathPattern(path, { trailingSlash: true });
      routes.push({ op: entry, pattern, params: (path.match(/\{/g) ?? []).length });
    }
  }
  // A literal segment wins over a parameter (`/x/search` before `/x/{id}`).
  routes.sort((a, b) => a.params - b.params);
  return {
    doc,
    byId,
    match(method, pathname, stream) {
      const upper = method.toUpperCase();
      const found = routes.filter((r) => r.op.method === upper && r.pattern.test(pathname)).map((r) => r.op);
      if (found.length === 0) return undefined;
      const samePath = found.filter((op) => op.path === found[0]?.path);
      // A stream request goes to the `#stream` variant where there is one, else to the base
      // operation (whose answer lists the event stream too); a JSON request never to a variant.
      if (stream) return samePath.find((op) => op.stream) ?? samePath.find((op) => op.streams) ?? samePath[0];
      return samePath.find((op) => !op.specPath.includes("#")) ?? samePath[0];
    },
  };
}
