import { describeShapes, isSubset, type Resolve, shapesOf } from "./schema-signature.ts";
import type { Change, Schema, Usage } from "./types.ts";

/** Records one change; the caller adds where it belongs (operation or schema). */
export type Emit = (change: Omit<Change, "operationId" | "schema">) => void;

/** Named-schema lookups in the old and the new spec. */
export interface Resolvers {
  before: Resolve;
  after: Resolve;
}
const none: Resolvers = { before: () => undefined, after: () => undefined };

/**
 * Compares two versions of one schema: its type, its enum and, for inline objects and
 * arrays, its fields, recursively. A `$ref` is compared by name only: each named schema
 * gets its own diff. Whether a change breaks depends on the direction: a field that
 * becomes required breaks callers that send it; a field that disappears breaks readers.
 */
export function diffSchema(
  before: Schema,
  after: Schema,
  path: string,
  usage: Usage,
  emit: Emit,
  resolvers: Resolvers = none,
): void {
  const [a, b] = [shapesOf(before, resolvers.before), shapesOf(after, resolvers.after)];
  if (a.size !== b.size || !isSubset(a, b)) {
    const widened = isSubset(a, b);
    const narrowed = isSubset(b, a);
    // Accepting more is harmless in what users send, not in what they read; and the reverse.
    const breaking = (usage.response && !narrowed) || (usage.request && !widened);
    emit({ kind: "type-changed", breaking, path, message: `type ${describeShapes(a)} -> ${describeShapes(b)}` });
  }

  if (before.enum && after.enum) {
    const oldValues = new Set(before.enum.map((v) => JSON.stringify(v)));
    const newValues = new Set(after.enum.map((v) => JSON.stringify(v)));
    const removed = [...oldValues].filter((v) => !newValues.has(v));
    const added = [...newValues].filter((v) => !oldValues.has(v));
    if (removed.length) {
      emit({
        kind: "enum-narrowed",
        breaking: usage.request,
        path,
        message: `no longer accepts ${removed.join(", ")}`,
      });
    }
    if (added.length) {
      emit({ kind: "enum-widened", breaking: false, path, message: `now allows ${added.join(", ")}` });
    }
  }

  diffFields(before, after, path, usage, emit, resolvers);
  if (before.items && after.items && !(before.items.$ref && after.items.$ref)) {
    diffSchema(before.items, after.items, `${path}[]`, usage, emit, resolvers);
  }
}

function diffFields(before: Schema, after: Schema, path: string, usage: Usage, emit: Emit, resolvers: Resolvers): void {
  const oldProps = before.properties ?? {};
  const newProps = after.properties ?? {};
  const oldRequired = new Set(before.required ?? []);
  const newRequired = new Set(after.required ?? []);
  const at = (name: string) => (path ? `${path}.${name}` : name);

  for (const name of Object.keys(oldProps)) {
    if (!(name in newProps))
      emit({ kind: "field-removed", breaking: true, path: at(name), message: `${name} removed` });
  }
  for (const [name, schema] of Object.entries(newProps)) {
    const old = oldProps[name];
    if (!old) {
      const required = newRequired.has(name);
      emit({
        kind: "field-added",
        breaking: required && usage.request,
        path: at(name),
        message: `${required ? "required" : "optional"} ${name} added`,
      });
      continue;
    }
    if (!oldRequired.has(name) && newRequired.has(name)) {
      emit({ kind: "field-required", breaking: usage.request, path: at(name), message: `${name} is now required` });
    }
    if (oldRequired.has(name) && !newRequired.has(name)) {
      emit({ kind: "field-optional", breaking: usage.response, path: at(name), message: `${name} is now optional` });
    }
    diffSchema(old, schema, at(name), usage, emit, resolvers);
  }
}
