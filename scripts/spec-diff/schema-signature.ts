import type { Schema } from "./types.ts";

export const refName = (ref: string) => ref.split("/").at(-1) as string;

/** Finds a named schema of the spec being read. */
export type Resolve = (name: string) => Schema | undefined;

/** A schema that only names others (a union of them, or one alias) adds no shape of its own. */
const isTransparent = (s: Schema) => Boolean(s.anyOf ?? s.oneOf ?? s.$ref) && !s.properties && !s.type;

/**
 * The set of shapes a schema admits, one level deep: `ref:Name`, `string`, `null`,
 * `array<ref:Item>`, `const:"x"`... Unions (anyOf/oneOf, type arrays) give several. Two
 * schemas with the same set have the same type for the diff; nested objects are compared
 * field by field elsewhere.
 */
export function shapesOf(schema: Schema | undefined, resolve: Resolve = () => undefined, depth = 0): Set<string> {
  const out = new Set<string>();
  if (!schema) return out;
  if (schema.$ref) {
    // A named union or alias stands for what it names, so naming it instead of spelling
    // it out is no change.
    const target = depth < 4 ? resolve(refName(schema.$ref)) : undefined;
    if (target && isTransparent(target)) for (const shape of shapesOf(target, resolve, depth + 1)) out.add(shape);
    else out.add(`ref:${refName(schema.$ref)}`);
  }
  for (const member of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
    for (const shape of shapesOf(member, resolve, depth + 1)) out.add(shape);
  }
  if (schema.allOf) out.add(`allOf(${schema.allOf.map((s) => [...shapesOf(s)].sort().join("|")).join("&")})`);
  if (schema.const !== undefined) out.add(`const:${JSON.stringify(schema.const)}`);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  for (const type of types) {
    if (type === "array") out.add(`array<${[...shapesOf(schema.items)].sort().join("|")}>`);
    else if (schema.const === undefined) out.add(type);
  }
  return out;
}

export function isSubset(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

export const describeShapes = (shapes: Set<string>) => [...shapes].sort().join(" | ") || "any";
