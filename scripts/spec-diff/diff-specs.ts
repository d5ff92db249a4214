import { diffSchema, type Emit, type Resolvers } from "./diff-schema.ts";
import { type OperationEntry, operationsOf, schemaUsage } from "./schema-usage.ts";
import type { Bump, Change, Operation, Parameter, Spec, SpecDiff } from "./types.ts";

const REQUEST = { request: true, response: false };
const RESPONSE = { request: false, response: true };

function parametersOf(spec: Spec, op: Operation): Map<string, Parameter> {
  const out = new Map<string, Parameter>();
  for (const p of op.parameters ?? []) {
    const param = "$ref" in p ? spec.components?.parameters?.[p.$ref.split("/").at(-1) as string] : (p as Parameter);
    if (param) out.set(`${param.in}.${param.name}`, param);
  }
  return out;
}

function diffParameters(before: Spec, after: Spec, a: Operation, b: Operation, emit: Emit, resolvers: Resolvers): void {
  const [oldParams, newParams] = [parametersOf(before, a), parametersOf(after, b)];
  for (const key of oldParams.keys()) {
    if (!newParams.has(key))
      emit({ kind: "parameter-removed", breaking: true, path: key, message: `parameter ${key} removed` });
  }
  for (const [key, param] of newParams) {
    const old = oldParams.get(key);
    if (!old) {
      emit({
        kind: "parameter-added",
        breaking: Boolean(param.required),
        path: key,
        message: `${param.required ? "required" : "optional"} parameter ${key} added`,
      });
      continue;
    }
    if (!old.required && param.required) {
      emit({ kind: "parameter-required", breaking: true, path: key, message: `parameter ${key} is now required` });
    }
    if (old.required && !param.required) {
      emit({ kind: "parameter-optional", breaking: false, path: key, message: `parameter ${key} is now optional` });
    }
    if (old.schema && param.schema) diffSchema(old.schema, param.schema, key, REQUEST, emit, resolvers);
  }
}

function diffContent(
  a: Record<string, { schema?: object }> | undefined,
  b: Record<string, { schema?: object }> | undefined,
  path: string,
  usage: typeof REQUEST,
  emit: Emit,
  resolvers: Resolvers,
): void {
  const [oldContent, newContent] = [a ?? {}, b ?? {}];
  for (const type of Object.keys(oldContent)) {
    if (!(type in newContent)) {
      emit({
        kind: "content-type-removed",
        breaking: true,
        path,
        message: `${path} no longer ${usage.request ? "accepts" : "returns"} ${type}`,
      });
    }
  }
  for (const [type, media] of Object.entries(newContent)) {
    const old = oldContent[type];
    if (!old) {
      emit({
        kind: "content-type-added",
        breaking: false,
        path,
        message: `${path} now ${usage.request ? "accepts" : "returns"} ${type}`,
      });
    } else if (old.schema && media.schema) {
      diffSchema(old.schema, media.schema, path, usage, emit, resolvers);
    }
  }
}

function diffOperation(before: Spec, after: Spec, a: OperationEntry, b: OperationEntry, emit: Emit): void {
  const resolvers = resolversFor(before, after);
  diffParameters(before, after, a.operation, b.operation, emit, resolvers);
  const [oldBody, newBody] = [a.operation.requestBody, b.operation.requestBody];
  if (!oldBody && newBody) {
    emit({ kind: "body-added", breaking: Boolean(newBody.required), path: "body", message: "request body added" });
  } else if (oldBody && !newBody) {
    emit({ kind: "body-removed", breaking: true, path: "body", message: "request body removed" });
  } else {
    diffContent(oldBody?.content, newBody?.content, "body", REQUEST, emit, resolvers);
  }
  const success = (op: Operation) =>
    Object.entries(op.responses ?? {}).find(([status]) => status.startsWith("2"))?.[1]?.content;
  diffContent(success(a.operation), success(b.operation), "response", RESPONSE, emit, resolvers);
}

const resolversFor = (before: Spec, after: Spec): Resolvers => ({
  before: (name) => before.components?.schemas?.[name],
  after: (name) => after.components?.schemas?.[name],
});

function bumpFor(changes: Change[]): Bump {
  if (changes.some((c) => c.breaking)) return "major";
  const additive = new Set([
    "operation-added",
    "schema-added",
    "field-added",
    "parameter-added",
    "enum-widened",
    "content-type-added",
    "body-added",
  ]);
  if (changes.some((c) => additive.has(c.kind))) return "minor";
  return changes.length ? "patch" : "none";
}

/** What changes for SDK users between two versions of the spec. */
export function diffSpecs(before: Spec, after: Spec): SpecDiff {
  const changes: Change[] = [];
  const [oldOps, newOps] = [operationsOf(before), operationsOf(after)];
  const added = [...newOps.keys()].filter((id) => !oldOps.has(id));
  const removed = [...oldOps.keys()].filter((id) => !newOps.has(id));
  for (const id of removed) {
    const op = oldOps.get(id) as OperationEntry;
    changes.push({
      kind: "operation-removed",
      breaking: true,
      operationId: id,
      path: op.path,
      message: `${op.method.toUpperCase()} ${op.path} removed`,
    });
  }
  for (const id of added) {
    const op = newOps.get(id) as OperationEntry;
    changes.push({
      kind: "operation-added",
      breaking: false,
      operationId: id,
      path: op.path,
      message: `${op.method.toUpperCase()} ${op.path} added`,
    });
  }
  for (const [id, op] of newOps) {
    const old = oldOps.get(id);
    if (old) diffOperation(before, after, old, op, (c) => changes.push({ ...c, operationId: id }));
  }

  const [oldSchemas, newSchemas] = [before.components?.schemas ?? {}, after.components?.schemas ?? {}];
  const schemasAdded = Object.keys(newSchemas).filter((n) => !(n in oldSchemas));
  const schemasRemoved = Object.keys(oldSchemas).filter((n) => !(n in newSchemas));
  for (const name of schemasRemoved) {
    changes.push({
      kind: "schema-removed",
      breaking: true,
      schema: name,
      path: name,
      message: `schema ${name} removed`,
    });
  }
  for (const name of schemasAdded) {
    changes.push({ kind: "schema-added", breaking: false, schema: name, path: name, message: `schema ${name} added` });
  }
  const [oldUsage, newUsage] = [schemaUsage(before), schemaUsage(after)];
  const changedSchemas = new Set<string>();
  for (const [name, schema] of Object.entries(newSchemas)) {
    const old = oldSchemas[name];
    if (!old) continue;
    const use = { request: false, response: false, ...oldUsage.get(name) };
    const now = newUsage.get(name);
    // A schema no operation reaches is still an exported type: judge it both ways.
    const usage =
      use.request || use.response || now
        ? { request: use.request || Boolean(now?.request), response: use.response || Boolean(now?.response) }
        : { request: true, response: true };
    const record: Emit = (c) => {
      changedSchemas.add(name);
      changes.push({ ...c, schema: name });
    };
    diffSchema(old, schema, name, usage, record, resolversFor(before, after));
  }

  const changed = new Set(
    changes
      .filter((c) => c.operationId && c.kind !== "operation-added" && c.kind !== "operation-removed")
      .map((c) => c.operationId as string),
  );
  for (const name of changedSchemas)
    for (const id of newUsage.get(name)?.operations ?? []) if (oldOps.has(id)) changed.add(id);

  return {
    operations: { added, removed, changed: [...newOps.keys()].filter((id) => changed.has(id)) },
    schemas: { added: schemasAdded, removed: schemasRemoved },
    changes,
    bump: bumpFor(changes),
  };
}
