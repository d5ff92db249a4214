/** One reason a value does not match a JSON schema. */
export interface SchemaIssue {
  /** Where in the value, e.g. `["items", 2, "name"]`. */
  path: (string | number)[];
  message: string;
}

type Schema = Record<string, unknown> | boolean;

/**
 * Checks a value against the JSON Schema keywords structured output uses (types, properties,
 * required, additionalProperties, items, enum, const, anyOf/oneOf/allOf, local `$ref`, and
 * the usual bounds). Unknown keywords are ignored rather than failing.
 */
export function validateJsonSchema(schema: Schema, value: unknown): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  check(schema, value, [], schema, issues);
  return issues;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function matchesType(expected: string, actual: string): boolean {
  return expected === actual || (expected === "number" && actual === "integer");
}

function resolveRef(root: Schema, ref: string): Schema | undefined {
  if (!ref.startsWith("#")) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split("/").filter(Boolean)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  return typeof node === "object" || typeof node === "boolean" ? (node as Schema) : undefined;
}

function check(schema: Schema, value: unknown, path: (string | number)[], root: Schema, issues: SchemaIssue[]): void {
  if (schema === true) return;
  if (schema === false) {
    issues.push({ path, message: "no value is allowed here" });
    return;
  }
  const s = schema;
  const add = (message: string, at = path) => issues.push({ path: at, message });

  if (typeof s.$ref === "string") {
    const target = resolveRef(root, s.$ref);
    if (target === undefined) add(`cannot resolve ${s.$ref}`);
    else check(target, value, path, root, issues);
  }

  const actual = typeOf(value);
  const types = s.type === undefined ? undefined : Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
  const nullable = s.nullable === true && value === null;
  if (types && !nullable && !types.some((t) => matchesType(t, actual))) {
    add(`expected ${types.join(" or ")}, got ${actual}`);
    return;
  }
  if (Array.isArray(s.enum) && !s.enum.some((option) => deepEqual(option, value))) {
    add(`expected one of ${s.enum.map((o) => JSON.stringify(o)).join(", ")}`);
  }
  if ("const" in s && !deepEqual(s.const, value)) add(`expected ${JSON.stringify(s.const)}`);

  for (const sub of (s.allOf as Schema[] | undefined) ?? []) check(sub, value, path, root, issues);
  for (const [keyword, exactlyOne] of [
    ["anyOf", false],
    ["oneOf", true],
  ] as const) {
    const options = s[keyword] as Schema[] | undefined;
    if (!options) continue;
    const passing = options.filter((option) => validateAt(option, value, root)).length;
    if (passing === 0 || (exactlyOne && passing > 1)) {
      add(passing === 0 ? `matches none of the ${keyword} options` : "matches more than one oneOf option");
    }
  }

  if (typeof value === "string") {
    if (typeof s.minLength === "number" && value.length < s.minLength) add(`shorter than ${s.minLength}`);
    if (typeof s.maxLength === "number" && value.length > s.maxLength) add(`longer than ${s.maxLength}`);
    if (typeof s.pattern === "string" && !new RegExp(s.pattern, "u").test(value)) add(`does not match ${s.pattern}`);
  }
  if (typeof value === "number") {
    if (typeof s.minimum === "number" && value < s.minimum) add(`less than ${s.minimum}`);
    if (typeof s.maximum === "number" && value > s.maximum) add(`more than ${s.maximum}`);
    if (typeof s.exclusiveMinimum === "number" && value <= s.exclusiveMinimum) add(`not above ${s.exclusiveMinimum}`);
    if (typeof s.exclusiveMaximum === "number" && value >= s.exclusiveMaximum) add(`not below ${s.exclusiveMaximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === "number" && value.length < s.minItems) add(`fewer than ${s.minItems} items`);
    if (typeof s.maxItems === "number" && value.length > s.maxItems) add(`more than ${s.maxItems} items`);
    const items = s.items as Schema | undefined;
    if (items !== undefined) {
      value.forEach((item, i) => {
        check(items, item, [...path, i], root, issues);
      });
    }
  }
  if (actual === "object") {
    const object = value as Record<string, unknown>;
    const properties = (s.properties as Record<string, Schema> | undefined) ?? {};
    for (const key of (s.required as string[] | undefined) ?? []) {
      if (!(key in object)) add(`is missing required property "${key}"`);
    }
    for (const [key, item] of Object.entries(object)) {
      const property = properties[key];
      if (property !== undefined) check(property, item, [...path, key], root, issues);
      else if (s.additionalProperties === false) add(`has unexpected property "${key}"`, [...path, key]);
      else if (typeof s.additionalProperties === "object" && s.additionalProperties !== null) {
        check(s.additionalProperties as Schema, item, [...path, key], root, issues);
      }
    }
  }
}

function validateAt(schema: Schema, value: unknown, root: Schema): boolean {
  const issues: SchemaIssue[] = [];
  check(schema, value, [], root, issues);
  return issues.length === 0;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
