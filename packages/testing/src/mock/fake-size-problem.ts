/**
 * The most the mock fakes for one schema a request sends. The schema is the caller's and the
 * faker honours its minimums, so a request of a few hundred bytes could ask for millions of
 * items or characters and block the test process for seconds; past these the mock answers
 * with an error naming the limit instead (the request's test is wrong, not slow).
 */
export const FAKE_LIMITS = {
  /** Items in one array (minItems). */
  items: 64,
  /** Characters in one string (minLength, the least a pattern matches). */
  stringLength: 4096,
  /** Properties of one object (minProperties, required). */
  properties: 256,
  /** Levels of `$ref` followed, as the faker's own depth. */
  refDepth: 6,
  /** Schema nodes looked at, `$ref`s followed included. */
  schemaNodes: 20_000,
  /**
   * The value's least size, in characters, from the minimums multiplied through nested
   * arrays (the faker often makes more than the minimum, so this is well below a megabyte).
   */
  totalSize: 50_000,
} as const;

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const numberAt = (node: Json, key: string) => (typeof node[key] === "number" ? (node[key] as number) : 0);

// Keywords whose value is one schema, a list of schemas, or a map of names to schemas.
const ONE_SCHEMA = ["not", "if", "then", "else", "additionalProperties", "propertyNames", "additionalItems"];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];
const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];

/**
 * Why the faker must not be run on `schema`, or undefined when it may. A walk with a list,
 * not recursion (the schema's nesting is the caller's), over the schema and the local `$ref`s
 * it names, each node weighted by how many times the value repeats it.
 */
export function fakeSizeProblem(schema: Json): string | undefined {
  let nodes = 0;
  let size = 0;
  const pending: { node: unknown; times: number; refs: number }[] = [{ node: schema, times: 1, refs: 0 }];
  while (pending.length > 0) {
    const { node, times, refs } = pending.pop() as { node: unknown; times: number; refs: number };
    if (!isRecord(node)) continue;
    if (++nodes > FAKE_LIMITS.schemaNodes) return `the schema has more than ${FAKE_LIMITS.schemaNodes} parts`;
    const minItems = numberAt(node, "minItems");
    const minLength = numberAt(node, "minLength");
    const required = Array.isArray(node.required) ? node.required.length : 0;
    const minProperties = Math.max(numberAt(node, "minProperties"), required);
    if (minItems > FAKE_LIMITS.items) return `it asks for ${minItems} items in an array (at most ${FAKE_LIMITS.items})`;
    if (minLength > FAKE_LIMITS.stringLength) {
      return `it asks for a string of ${minLength} characters (at most ${FAKE_LIMITS.stringLength})`;
    }
    if (minProperties > FAKE_LIMITS.properties) {
      return `it asks for ${minProperties} properties in an object (at most ${FAKE_LIMITS.properties})`;
    }
    const matched = typeof node.pattern === "string" ? patternLength(node.pattern) : 0;
    if (matched > FAKE_LIMITS.stringLength) {
      return `its pattern matches only strings over ${FAKE_LIMITS.stringLength} characters`;
    }
    size += times * (1 + minLength + minProperties + matched);
    if (size > FAKE_LIMITS.totalSize) return `the value it asks for is over ${FAKE_LIMITS.totalSize} characters`;

    const push = (child: unknown, childTimes = times, childRefs = refs) =>
      pending.push({ node: child, times: childTimes, refs: childRefs });
    // Each item of an array repeats what its `items` (or `contains`) schema asks.
    for (const key of ["items", "contains"]) {
      const child = node[key];
      if (Array.isArray(child)) for (const item of child) push(item);
      else push(child, times * Math.max(minItems, 1));
    }
    for (const key of ONE_SCHEMA) push(node[key]);
    for (const key of SCHEMA_LISTS) if (Array.isArray(node[key])) for (const item of node[key] as unknown[]) push(item);
    for (const key of SCHEMA_MAPS) if (isRecord(node[key])) for (const item of Object.values(node[key])) push(item);
    if (typeof node.$ref === "string" && refs < FAKE_LIMITS.refDepth)
      push(resolveLocal(schema, node.$ref), times, refs + 1);
  }
  return undefined;
}

/**
 * About how many characters a string matching `pattern` has at least: each character,
 * escape or class counts one, a `{n}` or `{n,m}` repeats what it follows (a group as a
 * whole, so nested repeats multiply), alternatives count their longest. A rough measure
 * for refusing, not a regex parser.
 */
export function patternLength(pattern: string): number {
  // One frame per open group: its length so far, its longest finished alternative, and the
  // length of the last unit (what a repeat would apply to).
  const frames = [{ length: 0, longest: 0, last: 0 }];
  let top = frames[0] as { length: number; longest: number; last: number };
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === "\\") {
      i++;
      top.length += 1;
      top.last = 1;
    } else if (char === "[") {
      // A class is one character: skip to its closing bracket.
      for (i++; i < pattern.length && pattern[i] !== "]"; i++) if (pattern[i] === "\\") i++;
      top.length += 1;
      top.last = 1;
    } else if (char === "(") {
      top = { length: 0, longest: 0, last: 0 };
      frames.push(top);
    } else if (char === ")" && frames.length > 1) {
      const group = frames.pop() as typeof top;
      const size = Math.max(group.length, group.longest);
      top = frames[frames.length - 1] as typeof top;
      top.length += size;
      top.last = size;
    } else if (char === "|") {
      top.longest = Math.max(top.longest, top.length);
      top.length = 0;
      top.last = 0;
    } else if (char === "{") {
      const repeat = /^\{(\d+)(,\d*)?\}/.exec(pattern.slice(i));
      if (repeat) {
        const times = Number(repeat[1]);
        top.length += top.last * (times - 1);
        top.last *= times;
        i += repeat[0].length - 1;
      } else {
        top.length += 1;
        top.last = 1;
      }
    } else if (char === "*" || char === "?") {
      // What these follow may be absent: it adds nothing to the least length.
      top.length -= top.last;
      top.last = 0;
    } else if (char === "^" || char === "$" || char === "+") {
      top.last = char === "+" ? top.last : 0;
    } else {
      top.length += 1;
      top.last = 1;
    }
    // Past the cap the exact number no longer matters, and the products stay finite.
    if (top.length > FAKE_LIMITS.stringLength || top.last > FAKE_LIMITS.stringLength) return Number.POSITIVE_INFINITY;
  }
  return Math.max(top.length, top.longest);
}

function resolveLocal(root: Json, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split("/").filter(Boolean)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = isRecord(node) && Object.hasOwn(node, key) ? node[key] : undefined;
  }
  return node;
}
