import type { OpenApiDocument } from "../spec/normalize-spec.ts";

// Words that describe a schema without constraining a value: a validator ignores them.
const ANNOTATIONS = new Set(["description", "title", "example", "examples", "$comment", "externalDocs"]);
// Keys whose value maps names (properties, media types, statuses) to schemas: every name is kept.
const NAME_MAPS = new Set(["properties", "patternProperties", "dependentSchemas", "$defs", "content", "responses"]);
// Keys whose value is data, not a schema: kept whole.
const LITERALS = new Set(["enum", "const", "default", "required", "discriminator"]);

function withoutAnnotations(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutAnnotations);
  if (typeof node !== "object" || node === null) return node;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(key)) continue;
    if (LITERALS.has(key)) kept[key] = value;
    else if (NAME_MAPS.has(key) && typeof value === "object" && value !== null && !Array.isArray(value)) {
      kept[key] = Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, withoutAnnotations(inner)]));
    } else kept[key] = withoutAnnotations(value);
  }
  return kept;
}

const SCHEMA_REF = "#/components/schemas/";

/** Names of the component schemas `node` refers to, directly or through other components. */
function reachableSchemas(node: unknown, schemas: Record<string, unknown>): Set<string> {
  const found = new Set<string>();
  const refer = (ref: unknown): void => {
    if (typeof ref !== "string" || !ref.startsWith(SCHEMA_REF)) return;
    const name = ref.slice(SCHEMA_REF.length);
    if (found.has(name)) return;
    found.add(name);
    visit(schemas[name]);
  };
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (typeof value !== "object" || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string") refer(inner);
      // A discriminator's mapping names schemas too (the validator turns it into `$ref`s).
      else if (key === "mapping" && typeof inner === "object" && inner !== null) Object.values(inner).forEach(refer);
      else visit(inner);
    }
  };
  visit(node);
  return found;
}

/**
 * The answers of every operation and the component schemas they use, without annotations:
 * what the drift check validates real answers against (a tenth of the normalised spec: 75 kB of 730, minified).
 */
export function buildResponseSpec(doc: OpenApiDocument): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const [specPath, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item ?? {})) {
      if (typeof op?.operationId !== "string") continue;
      paths[specPath] ??= {};
      const responses = withoutAnnotations(op.responses ?? {}) as NonNullable<(typeof op)["responses"]>;
      paths[specPath][method] = { operationId: op.operationId, responses };
    }
  }
  const { schemas = {} } = (doc.components ?? {}) as { schemas?: Record<string, unknown> };
  const used = reachableSchemas(paths, schemas);
  const kept = Object.fromEntries(
    Object.entries(schemas)
      .filter(([name]) => used.has(name))
      .map(([name, schema]) => [name, withoutAnnotations(schema)]),
  );
  const { title, version } = (doc.info ?? {}) as { title?: string; version?: string };
  return { openapi: doc.openapi, info: { title, version }, paths, components: { schemas: kept } };
}

/** The generated module: the document as one JSON string literal, parsed once when imported. */
export function renderResponseSpec(doc: OpenApiDocument): string {
  return `// Generated. Do not edit.
import type { SpecDocument } from "../spec-check/spec-index.ts";

// JSON.parse of one string loads faster than the same object as a literal.
export const responseSpec: SpecDocument = JSON.parse(${JSON.stringify(JSON.stringify(buildResponseSpec(doc)))});
`;
}
