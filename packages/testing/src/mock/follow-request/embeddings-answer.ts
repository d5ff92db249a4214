import { seedOf } from "../fake-json.ts";

/** The embedding operations whose default answers follow the request. */
export const EMBEDDING_OPERATIONS = new Set(["dedicatedEmbeddings"]);

/** How many numbers each embedding has when the spec's example gives none to copy. */
const MOCK_EMBEDDING_SIZE = 8;
/** The most numbers copied from the example's length (a real model's vector can be large; a test needs few). */
const MAX_EMBEDDING_SIZE = 4096;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** One unit vector per input, from the input's text: the same input always gets the same vector. */
function vectorOf(input: string, size: number): number[] {
  let state = seedOf(input) || 1;
  const values: number[] = [];
  for (let i = 0; i < size; i++) {
    // xorshift32: enough spread for a fake vector.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    values.push(((state >>> 0) / 4_294_967_296) * 2 - 1);
  }
  const length = Math.hypot(...values) || 1;
  // Rounded through float32, so the base64 form decodes to exactly these numbers.
  return values.map((v) => Math.fround(v / length));
}

/** The vector as base64 of its little-endian float32 bytes, as OpenAI-compatible servers send it. */
function base64Vector(vector: number[]): string {
  const bytes = new Uint8Array(vector.length * 4);
  const view = new DataView(bytes.buffer);
  for (const [i, v] of vector.entries()) view.setFloat32(i * 4, v, true);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The mock server's embeddings answer made to follow the request: one embedding per input (a
 * string, a list of strings, or token lists), as floats or as base64 when `encoding_format`
 * asks for it. Undefined when the request cannot be read (the example answer stays).
 */
export function embeddingsAnswer(example: unknown, rawBody: string): unknown {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return undefined;
  }
  if (!isObject(body) || !isObject(example)) return undefined;
  const raw = body.input ?? body.tokens;
  const inputs: unknown[] = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  const texts = inputs.map((input) => (typeof input === "string" ? input : JSON.stringify(input)));
  const base64 = body.encoding_format === "base64";
  // As long as the example's vector, so answers keep the spec's shape.
  const sample = Array.isArray(example.data) && isObject(example.data[0]) ? example.data[0].embedding : undefined;
  const size =
    Array.isArray(sample) && sample.length > 0 ? Math.min(sample.length, MAX_EMBEDDING_SIZE) : MOCK_EMBEDDING_SIZE;
  const tokens = texts.reduce((sum, t) => sum + Math.max(1, t.split(/\s+/).filter(Boolean).length), 0);
  return {
    ...example,
    ...(typeof body.model === "string" && { model: body.model }),
    data: texts.map((text, index) => {
      const vector = vectorOf(text, size);
      return { index, object: "embedding", embedding: base64 ? base64Vector(vector) : vector };
    }),
    usage: { prompt_tokens: tokens, completion_tokens: 0, total_tokens: tokens },
  };
}
