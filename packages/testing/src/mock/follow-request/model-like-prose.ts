// Sentences for default chat answers: plain, neutral, and obviously from a mock when read
// closely, so a demo shows a believable answer without anyone mistaking it for a model's.
const OPENINGS = [
  "Here is a short answer from the Friendli mock server.",
  "Thanks for the question; this reply comes from the local mock.",
  "Good question, and the mock has an answer ready for it.",
  "This answer was written by the mock, not by a model.",
];
const MIDDLES = [
  "It is made from a fixed set of sentences, picked by a number derived from your request.",
  "Sending the same request again gives exactly the same words, which keeps snapshot tests stable.",
  "The text arrives in several pieces when you stream it, the way a model sends tokens.",
  "Each piece is a few words long, so a client that joins deltas has real work to do.",
  "Options such as max_tokens and n shape the answer the way they would on the real service.",
  "Nothing here reaches the internet: the server runs on your own machine.",
];
const CLOSINGS = [
  "Point your client at the real API when you want a model to answer.",
  "Script a reply with mock.respond when a test needs particular words.",
  "Let me know if there is anything else the mock can help you test.",
  "That is all the mock has to say for now.",
];

/** A small, fast generator of numbers in [0, 1) from a seed (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(list: readonly T[], next: () => number): T => list[Math.floor(next() * list.length)] as T;

/**
 * A default answer as tokens: words with their leading space, so joining them gives the text.
 * Three or four sentences chosen by `seed`; the same seed always gives the same tokens.
 */
export function proseTokens(seed: number): string[] {
  const next = random(seed);
  const middle = pick(MIDDLES, next);
  const second = pick(
    MIDDLES.filter((m) => m !== middle),
    next,
  );
  const sentences = [pick(OPENINGS, next), middle, ...(next() < 0.5 ? [second] : []), pick(CLOSINGS, next)];
  return sentences
    .join(" ")
    .split(" ")
    .map((word, i) => (i === 0 ? word : ` ${word}`));
}

/** The tokens of an answer cut to `maxTokens`, and whether the cut ended it (`finish_reason: "length"`). */
export function boundedTokens(tokens: string[], maxTokens: number | undefined): { tokens: string[]; cut: boolean } {
  if (maxTokens === undefined || maxTokens >= tokens.length) return { tokens, cut: false };
  return { tokens: tokens.slice(0, Math.max(0, maxTokens)), cut: true };
}

/** Tokens grouped into stream pieces of one to three tokens, sizes chosen by `seed`. */
export function streamPieces(tokens: string[], seed: number): string[] {
  const next = random(seed ^ 0x9e3779b9);
  const pieces: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const size = 1 + Math.floor(next() * 3);
    pieces.push(tokens.slice(i, i + size).join(""));
    i += size;
  }
  return pieces;
}

/** A rough token count of a prompt: the words and signs of its messages' text, at least one. */
export function promptTokenCount(messages: unknown): number {
  const list = Array.isArray(messages) ? messages : [];
  const text = list
    .map((m: { content?: unknown } | null) =>
      typeof m?.content === "string" ? m.content : JSON.stringify(m?.content ?? ""),
    )
    .join(" ");
  return Math.max(1, text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)?.length ?? 0);
}
