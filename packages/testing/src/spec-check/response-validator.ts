import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { addFormatsTo } from "../add-formats-to.ts";
import type { SpecIndex, SpecOperation } from "./spec-index.ts";

/** One rule an answer breaks: where (a JSON pointer into the body or event) and what. */
export interface ReplyIssue {
  /** e.g. `/choices/0/message/role`; `/` is the whole body. */
  path: string;
  /** e.g. `must be equal to one of the allowed values`. */
  message: string;
}

/** The `{ event?, data }` shape of one server-sent event, as the spec models it. */
export interface ReplyEvent {
  event?: string;
  data: unknown;
}

const SPEC_ID = "friendli-spec";

interface Validators {
  ajv: Ajv2020;
  compiled: Map<string, ValidateFunction>;
  /** The components added so far, by kind and name: the root schema the `$ref`s resolve in. */
  components: Record<string, Record<string, unknown>>;
}
const validatorsBySpec = new WeakMap<SpecIndex, Validators>();

function validatorsOf(spec: SpecIndex, code: { source?: boolean; esm?: boolean } = {}): Validators {
  let validators = validatorsBySpec.get(spec);
  if (!validators) {
    // OpenAPI 3.1 schemas are JSON Schema 2020-12. `strict: false` lets the OpenAPI words
    // (`discriminator`, `example`) pass as annotations. The spec's schemas share many parts:
    // compiled once each (`inlineRefs: false`) and without ajv's code optimisation, a first
    // check compiles in a fraction of the time, which is what a mock's start pays.
    const ajv = new Ajv2020({
      strict: false,
      allErrors: true,
      validateSchema: false,
      logger: false,
      inlineRefs: false,
      code: { optimize: false, ...code },
    });
    addFormatsTo(ajv);
    ajv.addFormat("binary", true);
    // The components, under an id that the schemas' `$ref`s are pointed at. Empty at first:
    // each compile adds the ones its schema reaches (ajv reads them at compile time), so a
    // first check does not pay for the whole spec.
    const components: Validators["components"] = {};
    ajv.addSchema({ $id: SPEC_ID, components });
    validators = { ajv, compiled: new Map(), components };
    validatorsBySpec.set(spec, validators);
  }
  return validators;
}

const COMPONENT_REF = /"\$ref":"#\/components\/([^/"]+)\/([^/"#]+)/g;
const unescapePointer = (segment: string) => segment.replaceAll("~1", "/").replaceAll("~0", "~");

/** Adds to the root every component `schema` reaches through `$ref`s, each once. */
function addReachedComponents(spec: SpecIndex, { components }: Validators, schema: unknown): void {
  const pending = [JSON.stringify(schema)];
  const source = (spec.doc.components ?? {}) as Record<string, Record<string, unknown> | undefined>;
  for (let text = pending.pop(); text !== undefined; text = pending.pop()) {
    for (const [, kindSegment = "", nameSegment = ""] of text.matchAll(COMPONENT_REF)) {
      const kind = unescapePointer(kindSegment);
      const name = unescapePointer(nameSegment);
      const kept = (components[kind] ??= {});
      if (Object.hasOwn(kept, name)) continue;
      const found = source[kind]?.[name];
      if (found === undefined) continue;
      kept[name] = discriminatorsAsConditions(found);
      pending.push(JSON.stringify(kept[name]));
    }
  }
}

/** `#/components/...` in a schema outside the components points into the added spec. */
function pointRefsAtSpec(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/', `"$ref":"${SPEC_ID}#/`));
}

/**
 * An OpenAPI `discriminator` says which `oneOf` branch a value is meant for: its tag property
 * picks the schema. JSON Schema has no such word, so a plain `oneOf` reports every branch's
 * failures and the message names the wrong one. Where the mapping covers every branch, this
 * rewrites the `oneOf` as "the tag is one of the mapped values, and then that branch", so
 * the error is about the branch the value is tagged for (or about the tag itself).
 */
function discriminatorsAsConditions<T>(node: T): T {
  if (Array.isArray(node)) return node.map(discriminatorsAsConditions) as T;
  if (typeof node !== "object" || node === null) return node;
  const record = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, discriminatorsAsConditions(value)]),
  ) as Record<string, unknown>;
  const discriminator = record.discriminator as
    | { propertyName?: unknown; mapping?: Record<string, string> }
    | undefined;
  const branches = record.oneOf;
  if (!discriminator || typeof discriminator.propertyName !== "string" || !discriminator.mapping) return record as T;
  if (!Array.isArray(branches)) return record as T;
  const targets = new Set(Object.values(discriminator.mapping));
  if (!branches.every((b) => typeof b?.$ref === "string" && targets.has(b.$ref))) return record as T;
  const tag = discriminator.propertyName;
  const { oneOf: _oneOf, discriminator: _discriminator, ...rest } = record;
  return {
    ...rest,
    type: "object",
    required: [...((rest.required as string[] | undefined) ?? []), tag],
    properties: { ...(rest.properties as object | undefined), [tag]: { enum: Object.keys(discriminator.mapping) } },
    allOf: [
      ...((rest.allOf as unknown[] | undefined) ?? []),
      ...Object.entries(discriminator.mapping).map(([value, ref]) => ({
        if: { properties: { [tag]: { const: value } }, required: [tag] },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, never awaited
        then: { $ref: ref },
      })),
    ],
  } as T;
}

/** Every answer schema of `op` (status and media type), under the key `responseValidator` keeps it by. */
export function responseSchemas(op: SpecOperation): { key: string; schema: unknown }[] {
  return Object.entries(op.responses).flatMap(([status, response]) =>
    Object.entries(response?.content ?? {}).flatMap(([type, media]) =>
      media?.schema === undefined ? [] : [{ key: `${op.operationId} ${status} ${type}`, schema: media.schema }],
    ),
  );
}

/**
 * Checks compiled ahead of time (by key) for `spec`: a runtime that forbids code from
 * strings (a Cloudflare worker) then compiles none of its own for these keys.
 */
export function useCompiledChecks(spec: SpecIndex, checks: Record<string, ValidateFunction>): void {
  const { compiled } = validatorsOf(spec);
  for (const [key, validate] of Object.entries(checks)) compiled.set(key, validate);
}

/**
 * The ajv instance of `spec` with `entries` added for standalone code, each under the id
 * `check-<n>` (their order): the build writes them out as a module (scripts/build-spec-checks.mjs).
 */
export function compileForStandalone(spec: SpecIndex, entries: { key: string; schema: unknown }[]): Ajv2020 {
  const validators = validatorsOf(spec, { source: true, esm: true });
  entries.forEach(({ schema }, n) => {
    const converted = discriminatorsAsConditions(schema);
    addReachedComponents(spec, validators, converted);
    validators.ajv.addSchema({ ...(pointRefsAtSpec(converted) as object), $id: `check-${n}` });
  });
  return validators.ajv;
}

/** The schema check of one operation's answer with `status` as `type`, or undefined if the spec gives no schema. */
export function responseValidator(
  spec: SpecIndex,
  op: SpecOperation,
  status: string,
  type: string,
): ValidateFunction | undefined {
  const schema = op.responses[status]?.content?.[type]?.schema;
  if (schema === undefined) return undefined;
  return specSchemaValidator(spec, `${op.operationId} ${status} ${type}`, schema);
}

/**
 * The check of a value against a schema taken from the spec (whose `$ref`s point into the
 * spec's components), compiled once per spec and `key`.
 */
export function specSchemaValidator(spec: SpecIndex, key: string, schema: unknown): ValidateFunction {
  const validators = validatorsOf(spec);
  const { ajv, compiled } = validators;
  let validate = compiled.get(key);
  if (!validate) {
    const converted = discriminatorsAsConditions(schema);
    addReachedComponents(spec, validators, converted);
    validate = ajv.compile(pointRefsAtSpec(converted) as object);
    compiled.set(key, validate);
  }
  return validate;
}

const COMBINATORS = new Set(["anyOf", "oneOf", "allOf", "if", "not", "discriminator"]);

/**
 * The issues worth reading first: ajv reports every branch of a `oneOf`; the deepest
 * concrete rule (an enum, a type, a missing property) says best what is wrong.
 */
export function toIssues(errors: ErrorObject[] | null | undefined, prefix = ""): ReplyIssue[] {
  const list = [...(errors ?? [])];
  const depth = (e: ErrorObject) => (e.instancePath ? e.instancePath.split("/").length : 0);
  list.sort((a, b) => {
    const concrete = Number(COMBINATORS.has(a.keyword)) - Number(COMBINATORS.has(b.keyword));
    return concrete !== 0 ? concrete : depth(b) - depth(a);
  });
  const seen = new Set<string>();
  const issues: ReplyIssue[] = [];
  for (const error of list) {
    const path = `${prefix}${error.instancePath}` || "/";
    const message = describe(error);
    const key = `${path} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ path, message });
  }
  return issues;
}

function describe(error: ErrorObject): string {
  const message = error.message ?? `breaks ${error.keyword}`;
  const params = error.params as { allowedValues?: unknown[]; allowedValue?: unknown };
  if (error.keyword === "enum" && params.allowedValues) return `${message} (${JSON.stringify(params.allowedValues)})`;
  if (error.keyword === "const") return `${message} (${JSON.stringify(params.allowedValue)})`;
  return message;
}

const isSuccess = (status: number) => status >= 200 && status < 300;

/** A success status the operation does not declare, as an issue; error statuses any API may send pass. */
export function statusIssue(op: SpecOperation, status: number): ReplyIssue | undefined {
  if (op.responses[String(status)] || !isSuccess(status)) return undefined;
  const known = Object.keys(op.responses).filter((s) => isSuccess(Number(s)));
  return { path: "/", message: `is not a status this operation answers with (the spec lists ${known.join(", ")})` };
}

/**
 * The rules one server-sent event breaks, none when it follows the spec. `[DONE]` passes only
 * in a stream the spec ends with it (`x-speakeasy-sse-sentinel`).
 */
export function eventIssues(
  validate: ValidateFunction | undefined,
  sentinel: unknown,
  event: ReplyEvent,
): ReplyIssue[] {
  if (event.data === "[DONE]") {
    return sentinel === "[DONE]" ? [] : [{ path: "/data", message: "this stream never ends with [DONE]" }];
  }
  const value = event.event === undefined ? { data: event.data } : { event: event.event, data: event.data };
  return validate && !validate(value) ? toIssues(validate.errors) : [];
}
