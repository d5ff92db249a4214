import { Ajv, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import { generateSync, type JsonSchema } from "json-schema-faker";
import { addFormatsTo } from "../add-formats-to.ts";
import { FAKE_LIMITS, fakeSizeProblem } from "./fake-size-problem.ts";

/** Tries this many seeds before giving up on a schema the faker cannot satisfy. */
const ATTEMPTS = 8;

/** A number from text (FNV-1a), so the same request always gets the same fake value. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Draft-07 and older schemas (openai-node's zod helper writes draft-07) need the older validator. */
function validatorOf(schema: Record<string, unknown>): ValidateFunction {
  const { $schema, ...rest } = schema;
  const older = typeof $schema === "string" && /draft-0[4-7]/.test($schema);
  const ajv = older
    ? new Ajv({ strict: false, allErrors: false, logger: false })
    : new Ajv2020({ strict: false, allErrors: false, logger: false });
  addFormatsTo(ajv);
  return ajv.compile(rest);
}

/**
 * A value valid against a JSON schema the caller sent (a structured-output schema, a tool's
 * parameters), made by json-schema-faker and checked with ajv; the same seed gives the same
 * value. Only `$ref`s inside the schema are followed: the mock fetches nothing.
 */
export function fakeJson(schema: unknown, seed: number): unknown {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) {
    throw new Error("the schema must be a JSON object");
  }
  const object = schema as Record<string, unknown>;
  // Before ajv compiles it or the faker runs: both take time in what the schema asks.
  const tooLarge = fakeSizeProblem(object);
  if (tooLarge) throw new Error(`the schema asks for more than the mock fakes: ${tooLarge}`);
  const validate = validatorOf(object);
  const { $schema: _ignored, ...fakerSchema } = object;
  let lastProblem = "";
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    let value: unknown;
    try {
      value = generateSync(fakerSchema as JsonSchema, {
        seed: (seed + attempt) >>> 0,
        propAliases: { definitions: "$defs" },
        maxDepth: FAKE_LIMITS.refDepth,
        maxDefaultItems: 3,
      });
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
      continue;
    }
    if (validate(value)) return value;
    const first = validate.errors?.[0];
    lastProblem = first ? `${first.instancePath || "/"} ${first.message}` : "invalid";
  }
  throw new Error(`could not make a value valid against the schema: ${lastProblem}`);
}
