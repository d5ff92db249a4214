import type { SpecDocument } from "../spec-operations.ts";

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);

/** `~` and `/` escaped, as a JSON pointer segment. */
const pointerSegment = (segment: string | number) => String(segment).replaceAll("~", "~0").replaceAll("/", "~1");

/** Follows a local `$ref` (`#/components/...`): the schema it names and that name. */
function follow(doc: SpecDocument, node: unknown, path: string): { node: unknown; path: string } {
  for (let hops = 0; hops < 16 && isNode(node) && typeof node.$ref === "string" && node.$ref.startsWith("#/"); hops++) {
    path = node.$ref;
    node = node.$ref
      .slice(2)
      .split("/")
      .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<unknown>((at, key) => (isNode(at) ? at[key] : undefined), doc);
  }
  return { node, path };
}

/**
 * One step into a schema: a property by name, or the items of an array. Through `anyOf`,
 * `oneOf` or `allOf` only when exactly one branch has that step: when several do, which rule
 * the request meant to follow is unknown, and the walk stops at the union.
 */
function step(
  doc: SpecDocument,
  node: unknown,
  path: string,
  key: string | number,
): { node: unknown; path: string } | undefined {
  ({ node, path } = follow(doc, node, path));
  if (!isNode(node)) return undefined;
  const properties = node.properties;
  if (typeof key === "string" && isNode(properties) && key in properties) {
    return follow(doc, properties[key], `${path}/properties/${pointerSegment(key)}`);
  }
  if ((typeof key === "number" || /^\d+$/.test(key)) && node.items !== undefined) {
    return follow(doc, node.items, `${path}/items`);
  }
  const found = (["anyOf", "oneOf", "allOf"] as const).flatMap((combiner) => {
    const branches = node[combiner];
    if (!Array.isArray(branches)) return [];
    return branches
      .map((branch, i) => step(doc, branch, `${path}/${combiner}/${i}`, key))
      .filter((f) => f !== undefined);
  });
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Where in the spec the rule a request broke is written: for a body field, the schema of the
 * deepest part of its path the spec describes (e.g.
 * `#/components/schemas/ServerlessChatCompletionBody/properties/messages`); for a parameter,
 * its entry in the operation (`#/paths/.../parameters/0`). Undefined when the spec has no
 * such place (then the request's own path is all there is to say).
 */
export function requestRulePath(
  doc: SpecDocument,
  specPath: string,
  method: string,
  loc: (string | number)[],
): string | undefined {
  const operationPath = `#/paths/${pointerSegment(specPath)}/${method.toLowerCase()}`;
  const operation = (doc.paths?.[specPath] as Node | undefined)?.[method.toLowerCase()];
  if (!isNode(operation)) return undefined;
  const [where, ...rest] = loc;
  if (where === "body") {
    const content = isNode(operation.requestBody) ? operation.requestBody.content : undefined;
    if (!isNode(content)) return undefined;
    const type = Object.keys(content).find((t) => t.includes("json")) ?? Object.keys(content)[0];
    if (type === undefined) return undefined;
    let at = follow(
      doc,
      (content[type] as Node | undefined)?.schema,
      `${operationPath}/requestBody/content/${pointerSegment(type)}/schema`,
    );
    for (const key of rest) {
      const next = step(doc, at.node, at.path, key);
      if (!next) break;
      at = next;
    }
    return at.path;
  }
  const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
  // A rule about the parameters as a whole (one is missing): the operation's list.
  if (rest.length === 0) return parameters.length > 0 ? `${operationPath}/parameters` : undefined;
  const name = String(rest[0] ?? "").toLowerCase();
  const index = parameters.findIndex((p) => isNode(p) && p.in === where && String(p.name).toLowerCase() === name);
  return index < 0 ? undefined : `${operationPath}/parameters/${index}`;
}
