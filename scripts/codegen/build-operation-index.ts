import { ROUTE_FLAGS } from "../../packages/client/src/operations/route.ts";
import { basePathOf, type OpenApiDocument } from "../spec/normalize-spec.ts";
import { isRetrySafe, type RoutePolicies, streamRuleName } from "./route-policies.ts";

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;
const TEAM_HEADER = "x-friendli-team";

export interface OperationEntry {
  operationId: string;
  method: (typeof METHODS)[number];
  /** The URL path template a request goes to (fragment removed). */
  path: string;
  /** The key in the spec's `paths`, which keeps a `#stream` fragment where there is one. */
  specPath: string;
  tag: string;
  /** True when the success response is a server-sent event stream. */
  stream: boolean;
  requestContentType: string | null;
  /** True when the operation declares the bearer token security scheme. */
  auth: boolean;
  /** True when the operation takes the `X-Friendli-Team` header parameter. */
  team: boolean;
  /** True when the operation's success answer is a JSON body. */
  jsonResult: boolean;
}

interface RawOperation {
  operationId?: string;
  parameters?: { name?: string; in?: string; $ref?: string }[];
  tags?: string[];
  security?: Record<string, unknown>[];
  requestBody?: { content?: Record<string, unknown> };
  responses?: Record<string, { content?: Record<string, unknown> } | undefined>;
}

/** One entry per operation of the original spec, in spec order. */
export function buildOperationIndex(doc: OpenApiDocument): OperationEntry[] {
  const entries: OperationEntry[] = [];
  const globalSecurity = (doc.security as unknown[] | undefined) ?? [];
  for (const [specPath, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as RawOperation | undefined;
      if (!op) continue;
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${specPath} has no operationId`);
      const successContent = op.responses?.["200"]?.content ?? {};
      const contentTypes = Object.keys(successContent);
      const security = op.security ?? globalSecurity;
      entries.push({
        operationId: op.operationId,
        method,
        path: basePathOf(specPath),
        specPath,
        tag: op.tags?.[0] ?? "default",
        // The stream variants are the fragment operations; after normalisation their base
        // operations also list SSE content, so decide from the key.
        stream: specPath.includes("#") && contentTypes.includes("text/event-stream"),
        requestContentType: Object.keys(op.requestBody?.content ?? {})[0] ?? null,
        auth: security.length > 0,
        team: (op.parameters ?? []).some((p) => p.in === "header" && p.name?.toLowerCase() === TEAM_HEADER),
        jsonResult: contentTypes.includes("application/json"),
      });
    }
  }
  return entries;
}

/** A route's `flags` (see ROUTE_FLAGS). */
function flagsOf(e: OperationEntry, policies: RoutePolicies): number {
  return (
    (e.auth ? ROUTE_FLAGS.auth : 0) |
    (e.team ? ROUTE_FLAGS.team : 0) |
    (e.requestContentType === "multipart/form-data" ? ROUTE_FLAGS.multipart : 0) |
    (e.jsonResult ? ROUTE_FLAGS.jsonResult : 0) |
    (isRetrySafe(policies, e.operationId) ? ROUTE_FLAGS.retrySafe : 0)
  );
}

const INFERENCE_TAG = /^(Serverless|Dedicated|Container)\.(?!Endpoint$)/;

/**
 * Every operation outside inference that may change stored state needs a retry decision in
 * `spec/retry-policy.json`; a GET only reads (HTTP's own rule), so it is safe unless the file
 * says otherwise. An entry the spec no longer has generates nothing: `spec:check` fails on it
 * and `spec:update` lists it (scripts/spec-check/hand-kept-lists.ts), so a removed operation
 * does not stop an update.
 */
export function checkRetryPolicy(entries: OperationEntry[], policies: RoutePolicies): void {
  const decides = (e: OperationEntry) => !INFERENCE_TAG.test(e.tag) && e.method !== "get";
  const missing = entries.filter((e) => decides(e) && !(e.operationId in policies.retry));
  const problems = missing.map(
    (e) => `${e.operationId} (${e.tag}) has no entry in spec/retry-policy.json: decide safe or unsafe`,
  );
  if (problems.length > 0) throw new Error(problems.join("\n"));
}

const ruleConst = (name: string) => `${name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}Rule`;

/**
 * TypeScript source of the one operation table: a route descriptor per operation, named by
 * its operationId (method, spec key, flags and, for a stream, its rule), then `operations`,
 * every route by operationId, which the typed methods, the openapi-fetch adapter and the
 * mocks find operations in. The descriptors are data only, so a wrapper that imports a few
 * leaves the table and the rest out of a bundle, and one that reads the table (the adapter)
 * bundles no stream reader: a stream call brings its own (`openStream`). Tags stay out
 * (about 190 bytes brotli in every bundle with the table); tests read them from the spec.
 */
export function renderRouteTable(entries: OperationEntry[], policies: RoutePolicies): string {
  checkRetryPolicy(entries, policies);
  const ruleNames = [...new Set(entries.filter((e) => e.stream).map((e) => streamRuleName(policies, e.operationId)))];
  const rules = ruleNames.map(
    (name) => `const ${ruleConst(name)}: StreamRule = ${JSON.stringify(policies.streams.rules[name])};`,
  );
  const constants = entries.map((e) => {
    // Each constant is named by its operationId; one that is no identifier fails here, not in tsc.
    if (!/^[A-Za-z_$][\w$]*$/.test(e.operationId)) throw new Error(`operationId ${e.operationId} is no identifier`);
    const type = `Route<${JSON.stringify(e.specPath)}, ${JSON.stringify(e.method)}>`;
    const fields = [
      `id: ${JSON.stringify(e.operationId)}`,
      `method: ${JSON.stringify(e.method)}`,
      `path: ${JSON.stringify(e.specPath)}`,
      `flags: ${flagsOf(e, policies)}`,
      ...(e.stream ? [`stream: ${ruleConst(streamRuleName(policies, e.operationId))}`] : []),
    ];
    return `export const ${e.operationId}: ${type} = { ${fields.join(", ")} };`;
  });
  return `${[
    "// Generated by scripts/codegen/generate.ts from the pinned spec. Do not edit.",
    'import type { Route } from "../operations/route.ts";',
    'import type { StreamRule } from "../sse/stream-rule.ts";',
    "",
    "// From spec/stream-rules.json.",
    ...rules,
    "",
    "// Flags: 1 token, 2 team header, 4 multipart, 8 JSON result, 16 safe to retry (spec/retry-policy.json).",
    ...constants,
    "",
    "/** Every operation of the spec, in spec order: operationId -> route. */",
    "export const operations = {",
    ...entries.map((e) => `  ${e.operationId},`),
    "} as const;",
    "",
    "export type OperationId = keyof typeof operations;",
  ].join("\n")}\n`;
}
