/** mulberry32: a small seeded PRNG, so every run builds (and slices) the same body. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Tokens as a model sends them: ASCII words, accents, CJK, emoji (4-byte and joined
// sequences), and characters JSON escapes.
const TOKENS = [
  " the",
  " quick",
  " brown",
  " fox",
  " jumps",
  " over",
  " lazy",
  " dog",
  ".",
  ",",
  " café",
  " naïve",
  " Grüße",
  " Привет",
  " 日本語",
  "の",
  " 한국어",
  " 🌍",
  " 👩‍💻",
  " 🎉🎉",
  ' "quoted"',
  "\n",
  " tab\t",
  " ∑∞≠",
];

export interface SseBodyOptions {
  /** Number of `chat.completion.chunk` events before `[DONE]`. */
  chunks?: number;
  seed?: number;
  /** Largest slice written at once (slices are 1..maxSlice bytes). */
  maxSlice?: number;
}

export interface SseBody {
  /** The whole body, UTF-8. */
  bytes: Buffer;
  /** The body cut once into random slices of 1..maxSlice bytes (views into `bytes`). */
  slices: Buffer[];
  /** Events carrying content (each has some), i.e. the text deltas a reader must see. */
  chunks: number;
  /** Total length (UTF-16 code units) of all the content, to check a reader saw it all. */
  textLength: number;
}

/**
 * An OpenAI-style chat completion stream: `chunks` events
 * `data: {"id":..,"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":".."}}]}`
 * then `data: [DONE]`, each followed by a blank line.
 */
export function buildChatSse({ chunks = 50_000, seed = 42, maxSlice = 4096 }: SseBodyOptions = {}): SseBody {
  const random = seededRandom(seed);
  const parts: string[] = [];
  let textLength = 0;
  for (let i = 0; i < chunks; i++) {
    let content = "";
    const count = 1 + Math.floor(random() * 3);
    for (let k = 0; k < count; k++) content += TOKENS[Math.floor(random() * TOKENS.length)];
    textLength += content.length;
    const chunk = {
      id: "chatcmpl-bench",
      object: "chat.completion.chunk",
      created: 1_700_000_000,
      model: "bench-model",
      choices: [{ index: 0, delta: { content }, finish_reason: i === chunks - 1 ? "stop" : null }],
    };
    parts.push(`data: ${JSON.stringify(chunk)}\n\n`);
  }
  parts.push("data: [DONE]\n\n");
  const bytes = Buffer.from(parts.join(""), "utf8");
  const slices: Buffer[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = 1 + Math.floor(random() * maxSlice);
    slices.push(bytes.subarray(at, at + size));
    at += size;
  }
  return { bytes, slices, chunks, textLength };
}
