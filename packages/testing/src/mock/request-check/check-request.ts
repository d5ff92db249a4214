import { specSchemaValidator, toIssues } from "../../spec-check/response-validator.ts";
import type { SpecIndex, SpecOperation } from "../../spec-check/spec-index.ts";
import type { ViolationDetail } from "../violation-body.ts";

/** A request as the check reads it: header names in lower case, the body as sent. */
export interface RequestToCheck {
  path: string;
  /** The query string with its `?`, or "". */
  search: string;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

/** Why a request is refused: 401 without the token the spec asks for, 422 for anything else it breaks. */
export interface RequestRefusal {
  status: 401 | 422;
  problems: ViolationDetail[];
}

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: unknown;
}

function resolve(spec: SpecIndex, node: unknown): unknown {
  for (let hops = 0; hops < 16 && isNode(node) && typeof node.$ref === "string" && node.$ref.startsWith("#/"); hops++) {
    node = node.$ref
      .slice(2)
      .split("/")
      .reduce<unknown>(
        (at, key) => (isNode(at) ? at[key.replaceAll("~1", "/").replaceAll("~0", "~")] : undefined),
        spec.doc,
      );
  }
  return node;
}

/** The operation object in the spec document, as written. */
const operationOf = (spec: SpecIndex, op: SpecOperation): Node | undefined => {
  const item = spec.doc.paths[op.specPath] as Node | undefined;
  const found = item?.[op.method.toLowerCase()];
  return isNode(found) ? found : undefined;
};

/** The operation's parameters as the checks read them (a `$ref` followed), in their order. */
const parametersOf = (spec: SpecIndex, operation: Node): Parameter[] =>
  (Array.isArray(operation.parameters) ? operation.parameters : [])
    .map((p) => resolve(spec, p))
    .filter((p): p is Parameter => isNode(p) && typeof p.name === "string" && typeof p.in === "string");

const parameterKey = (op: SpecOperation, index: number) => `${op.operationId} parameter ${index}`;
const bodyKey = (op: SpecOperation) => `${op.operationId} body`;

/**
 * Every schema the request checks of `op` compile, under the key they are kept by: what a
 * build compiles ahead of time for runtimes that forbid code from strings.
 */
export function requestSchemas(spec: SpecIndex, op: SpecOperation): { key: string; schema: unknown }[] {
  const operation = operationOf(spec, op);
  if (!operation) return [];
  const found: { key: string; schema: unknown }[] = [];
  for (const [index, parameter] of parametersOf(spec, operation).entries()) {
    if (parameter.in !== "cookie" && parameter.schema !== undefined)
      found.push({ key: parameterKey(op, index), schema: parameter.schema });
  }
  const requestBody = resolve(spec, operation.requestBody);
  if (isNode(requestBody) && isNode(requestBody.content)) {
    const content = requestBody.content as Record<string, { schema?: unknown } | undefined>;
    const json = Object.keys(content).find((t) => t.includes("json"));
    const schema = json === undefined ? undefined : content[json]?.schema;
    if (schema !== undefined) found.push({ key: bodyKey(op), schema });
  }
  return found;
}

/** A JSON pointer from ajv (`/messages/0/role`) as a location (`["messages", 0, "role"]`). */
const pointerToLoc = (pointer: string): (string | number)[] =>
  pointer === "/" || pointer === ""
    ? []
    : pointer
        .slice(1)
        .split("/")
        .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"))
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/** A query or path value as its schema's type reads it: the check is about meaning, not about text. */
function coerce(value: string, schema: unknown, spec: SpecIndex): unknown {
  const resolved = resolve(spec, schema);
  const types = isNode(resolved)
    ? [
        resolved.type,
        ...(Array.isArray(resolved.anyOf) ? resolved.anyOf.map((b) => (resolve(spec, b) as Node)?.type) : []),
      ]
        .flat()
        .filter((t) => typeof t === "string")
    : [];
  if ((types.includes("integer") || types.includes("number")) && value.trim() !== "" && Number.isFinite(Number(value)))
    return Number(value);
  if (types.includes("boolean") && (value === "true" || value === "false")) return value === "true";
  if (types.includes("null") && value === "null") return null;
  return value;
}

/** The path parameters of a request, by the operation's template. */
function pathValues(template: string, path: string): Map<string, string> {
  const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
  const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "([^/]+)")}/?$`);
  const found = pattern.exec(path);
  const values = new Map<string, string>();
  names.forEach((name, i) => {
    const raw = found?.[i + 1];
    if (raw !== undefined) values.set(name, decodeURIComponent(raw));
  });
  return values;
}

/**
 * The request checks of the in-process mock, against the same spec the server mode's Prism
 * reads: the bearer token the spec's security asks for, each parameter (required, and valid
 * against its schema once read as its type) and the body (JSON against the operation's
 * schema; a form's required fields). Undefined when the request follows the spec.
 */
export async function checkRequest(
  spec: SpecIndex,
  op: SpecOperation,
  request: RequestToCheck,
): Promise<RequestRefusal | undefined> {
  const operation = operationOf(spec, op);
  if (!operation) return undefined;
  const header = (name: string) => [request.headers[name.toLowerCase()]].flat()[0];

  const security = (operation.security ?? spec.doc.security) as unknown[] | undefined;
  const needsToken =
    Array.isArray(security) && security.length > 0 && !security.some((s) => isNode(s) && Object.keys(s).length === 0);
  if (needsToken && !/^bearer\s+\S/i.test(header("authorization") ?? "")) {
    return {
      status: 401,
      problems: [
        {
          loc: ["header", "authorization"],
          msg: "the spec asks for `Authorization: Bearer <token>`",
          type: "security",
        },
      ],
    };
  }

  const problems: ViolationDetail[] = [];
  const query = new URLSearchParams(request.search);
  const inPath = pathValues(op.path, request.path);
  const parameters = parametersOf(spec, operation);
  for (const [index, parameter] of parameters.entries()) {
    const where = parameter.in;
    if (where === "cookie") continue;
    const raw =
      where === "query"
        ? query.getAll(parameter.name)
        : where === "path"
          ? [inPath.get(parameter.name)].filter((v) => v !== undefined)
          : [header(parameter.name)].filter((v) => v !== undefined);
    if (raw.length === 0) {
      if (parameter.required || where === "path") {
        problems.push({ loc: [where], msg: `must have required property '${parameter.name}'`, type: "required" });
      }
      continue;
    }
    if (parameter.schema === undefined) continue;
    const schema = resolve(spec, parameter.schema);
    const isArray = isNode(schema) && schema.type === "array";
    const itemSchema = isArray ? (schema as Node).items : parameter.schema;
    const values = raw.map((v) => coerce(v, itemSchema, spec));
    const value = isArray ? values : values[0];
    const validate = specSchemaValidator(spec, parameterKey(op, index), parameter.schema);
    if (!validate(value)) {
      for (const issue of toIssues(validate.errors)) {
        problems.push({
          loc: [where, parameter.name, ...pointerToLoc(issue.path)],
          msg: issue.message,
          type: "schema",
        });
      }
    }
  }

  const requestBody = resolve(spec, operation.requestBody);
  if (isNode(requestBody) && isNode(requestBody.content)) {
    problems.push(...(await bodyProblems(spec, op, requestBody, request, header("content-type") ?? "")));
  }
  return problems.length > 0 ? { status: 422, problems } : undefined;
}

async function bodyProblems(
  spec: SpecIndex,
  op: SpecOperation,
  requestBody: Node,
  request: RequestToCheck,
  contentType: string,
): Promise<ViolationDetail[]> {
  const content = requestBody.content as Record<string, { schema?: unknown } | undefined>;
  if (request.body.length === 0) {
    return requestBody.required ? [{ loc: ["body"], msg: "the operation needs a body", type: "required" }] : [];
  }
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  const declared = Object.keys(content);
  const json = declared.find((t) => t.includes("json"));
  if (type.includes("json") && json) {
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder().decode(request.body));
    } catch {
      return [{ loc: ["body"], msg: "must be JSON", type: "json" }];
    }
    const schema = content[json]?.schema;
    if (schema === undefined) return [];
    const validate = specSchemaValidator(spec, bodyKey(op), schema);
    if (validate(value)) return [];
    return toIssues(validate.errors).map((issue) => ({
      loc: ["body", ...pointerToLoc(issue.path)],
      msg: issue.message,
      type: "schema",
    }));
  }
  if (type === "multipart/form-data" && content["multipart/form-data"]) {
    // A form's fields are text and files: the check asks only that the required ones are there.
    let form: FormData;
    try {
      form = await new Response(request.body.slice(), { headers: { "content-type": contentType } }).formData();
    } catch {
      return [{ loc: ["body"], msg: "must be a multipart form", type: "form" }];
    }
    const schema = resolve(spec, content["multipart/form-data"]?.schema);
    const required = isNode(schema) && Array.isArray(schema.required) ? (schema.required as string[]) : [];
    return required
      .filter((name) => !form.has(name))
      .map((name) => ({ loc: ["body", name], msg: `must have required property '${name}'`, type: "required" }));
  }
  return [{ loc: ["header", "content-type"], msg: `must be one of ${declared.join(", ")}`, type: "media_type" }];
}
