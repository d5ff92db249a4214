// Loaded on first use (validateWithSchema imports it with `import()`), and so it imports
// nothing: a bundler wraps whatever a lazily loaded module imports, which every app would pay
// for. A schema it cannot use is reported through the caller's `invalid`.

/** One reason a value does not match a JSON schema. */
export interface SchemaIssue {
  /** Where in the value, e.g. `["items", 2, "name"]`. */
  path: (string | number)[];
  message: string;
}

type Schema = Record<string, unknown> | boolean;

// A value nested deeper than this is reported rather than checked: the check recurses, and
// the value is the model's output, so its depth is the server's choice.
const MAX_DEPTH = 256;
// `$ref`s followed in a row without going into the value: more is a loop in the schema.
const MAX_REF_CHAIN = 64;

/**
 * Checks a value against the JSON Schema keywords structured output uses (types, properties,
 * patternProperties, required, additionalProperties, items, enum, const, anyOf/oneOf/allOf,
 * local `$ref`, and the usual bounds). Unknown keywords, and keywords of the wrong type, are
 * ignored rather than failing. Only own properties count, of the schema and of the value: a
 * key such as `constructor` or `__proto__` is a key like any other.
 */
export function validateJsonSchema(
  schema: Schema,
  value: unknown,
  invalid: (message: string, cause?: unknown) => Error,
): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  try {
    check(schema, value, [], schema, issues, 0);
  } catch (error) {
    throw error instanceof UnusableSchema ? invalid(error.message, error.cause) : error;
  }
  return issues;
}

/** A schema that cannot be checked against (a `$ref` loop, a bad pattern); never leaves this file. */
class UnusableSchema extends Error {}

/** A keyword's value when the schema has it as its own property. */
function own(record: object, key: string): unknown {
  return Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isSchema(value: unknown): value is Schema {
  return typeof value === "boolean" || isRecord(value);
}

function schemaList(value: unknown): Schema[] | undefined {
  return Array.isArray(value) ? value.filter(isSchema) : undefined;
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
    node = typeof node === "object" && node !== null ? own(node, key) : undefined;
  }
  return isSchema(node) ? node : undefined;
}

function compilePattern(pattern: string): RegExp {
  try {
    return new RegExp(pattern, "u");
  } catch (cause) {
    throw new UnusableSchema(`the schema's pattern ${JSON.stringify(pattern)} is not a valid regular expression`, {
      cause,
    });
  }
}

function check(
  schema: Schema,
  value: unknown,
  path: (string | number)[],
  root: Schema,
  issues: SchemaIssue[],
  refChain: number,
): void {
  if (schema === true) return;
  if (schema === false) {
    issues.push({ path, message: "no value is allowed here" });
    return;
  }
  if (path.length > MAX_DEPTH) {
    issues.push({ path, message: `nested deeper than ${MAX_DEPTH} levels` });
    return;
  }
  const s = schema;
  const add = (message: string, at = path) => issues.push({ path: at, message });
  const inner = (sub: Schema, item: unknown, at: (string | number)[]) => check(sub, item, at, root, issues, 0);

  const ref = own(s, "$ref");
  if (typeof ref === "string") {
    if (refChain >= MAX_REF_CHAIN) throw new UnusableSchema(`the schema's $ref ${ref} leads round in a loop`);
    const target = resolveRef(root, ref);
    if (target === undefined) add(`cannot resolve ${ref}`);
    else check(target, value, path, root, issues, refChain + 1);
  }

  const actual = typeOf(value);
  const type = own(s, "type");
  const types = Array.isArray(type)
    ? type.filter((t) => typeof t === "string")
    : typeof type === "string"
      ? [type]
      : [];
  const nullable = own(s, "nullable") === true && value === null;
  if (types.length > 0 && !nullable && !types.some((t) => matchesType(t, actual))) {
    add(`expected ${types.join(" or ")}, got ${actual}`);
    return;
  }
  const options = own(s, "enum");
  if (Array.isArray(options) && !options.some((option) => deepEqual(option, value))) {
    add(`expected one of ${options.map((o) => JSON.stringify(o)).join(", ")}`);
  }
  if (Object.hasOwn(s, "const") && !deepEqual(s.const, value)) add(`expected ${JSON.stringify(s.const)}`);

  for (const sub of schemaList(own(s, "allOf")) ?? []) check(sub, value, path, root, issues, refChain);
  for (const [keyword, exactlyOne] of [
    ["anyOf", false],
    ["oneOf", true],
  ] as const) {
    const branches = schemaList(own(s, keyword));
    if (!branches) continue;
    const passing = branches.filter((branch) => validateAt(branch, value, path, root, refChain)).length;
    if (passing === 0 || (exactlyOne && passing > 1)) {
      add(passing === 0 ? `matches none of the ${keyword} options` : "matches more than one oneOf option");
    }
  }

  const bound = (keyword: string) => {
    const limit = own(s, keyword);
    return typeof limit === "number" ? limit : undefined;
  };
  if (typeof value === "string") {
    const [min, max, pattern] = [bound("minLength"), bound("maxLength"), own(s, "pattern")];
    if (min !== undefined && value.length < min) add(`shorter than ${min}`);
    if (max !== undefined && value.length > max) add(`longer than ${max}`);
    if (typeof pattern === "string" && !compilePattern(pattern).test(value)) add(`does not match ${pattern}`);
  }
  if (typeof value === "number") {
    const [min, max, above, below] = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"].map(bound);
    // Draft 4 and OpenAPI 3.0 write an exclusive bound as `true` beside minimum or maximum.
    const [minExcluded, maxExcluded] = [own(s, "exclusiveMinimum") === true, own(s, "exclusiveMaximum") === true];
    if (min !== undefined && (minExcluded ? value <= min : value < min)) {
      add(minExcluded ? `not above ${min}` : `less than ${min}`);
    }
    if (max !== undefined && (maxExcluded ? value >= max : value > max)) {
      add(maxExcluded ? `not below ${max}` : `more than ${max}`);
    }
    if (above !== undefined && value <= above) add(`not above ${above}`);
    if (below !== undefined && value >= below) add(`not below ${below}`);
  }
  if (Array.isArray(value)) {
    const [min, max] = [bound("minItems"), bound("maxItems")];
    if (min !== undefined && value.length < min) add(`fewer than ${min} items`);
    if (max !== undefined && value.length > max) add(`more than ${max} items`);
    const items = own(s, "items");
    if (isSchema(items)) {
      value.forEach((item, i) => {
        inner(items, item, [...path, i]);
      });
    }
  }
  if (actual === "object") checkObject(s, value as Record<string, unknown>, path, add, inner);
}

function checkObject(
  s: Record<string, unknown>,
  object: Record<string, unknown>,
  path: (string | number)[],
  add: (message: string, at?: (string | number)[]) => void,
  inner: (sub: Schema, item: unknown, at: (string | number)[]) => void,
): void {
  const properties = own(s, "properties");
  const byName = isRecord(properties) ? properties : {};
  const patternsOwn = own(s, "patternProperties");
  const patterns = isRecord(patternsOwn)
    ? Object.entries(patternsOwn)
        .filter((entry): entry is [string, Schema] => isSchema(entry[1]))
        .map(([pattern, sub]) => [compilePattern(pattern), sub] as const)
    : [];
  const additional = own(s, "additionalProperties");
  const required = own(s, "required");
  for (const key of Array.isArray(required) ? required : []) {
    if (typeof key === "string" && !Object.hasOwn(object, key)) add(`is missing required property "${key}"`);
  }
  // Object.keys lists own keys only, `__proto__` included when JSON.parse made it one.
  for (const key of Object.keys(object)) {
    const item = object[key];
    const at = [...path, key];
    const named = own(byName, key);
    const matching = patterns.filter(([pattern]) => pattern.test(key));
    if (isSchema(named)) inner(named, item, at);
    for (const [, sub] of matching) inner(sub, item, at);
    if (isSchema(named) || matching.length > 0) continue;
    if (additional === false) add(`has unexpected property "${key}"`, at);
    else if (isRecord(additional)) inner(additional, item, at);
  }
}

function validateAt(
  schema: Schema,
  value: unknown,
  path: (string | number)[],
  root: Schema,
  refChain: number,
): boolean {
  const issues: SchemaIssue[] = [];
  check(schema, value, path, root, issues, refChain);
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
    keysA.every(
      (k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}
