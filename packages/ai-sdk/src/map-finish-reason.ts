import type { LanguageModelV4FinishReason } from "@ai-sdk/provider";

// A Map, not an object: a server's "constructor" or "__proto__" must not find a prototype's value.
const UNIFIED = new Map<string, LanguageModelV4FinishReason["unified"]>([
  ["stop", "stop"],
  // Friendli's name for a model that ended its answer on its own.
  ["eos_token", "stop"],
  ["length", "length"],
  ["tool_calls", "tool-calls"],
  ["function_call", "tool-calls"],
  ["content_filter", "content-filter"],
]);

/** Friendli's `finish_reason` as the AI SDK's, the raw value kept. */
export function mapFinishReason(raw: unknown): LanguageModelV4FinishReason {
  const text = typeof raw === "string" ? raw : undefined;
  return { unified: (text !== undefined && UNIFIED.get(text)) || "other", raw: text };
}
