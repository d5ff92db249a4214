import type { LanguageModelV4FinishReason } from "@ai-sdk/provider";

const UNIFIED: Record<string, LanguageModelV4FinishReason["unified"]> = {
  stop: "stop",
  eos_token: "stop",
  length: "length",
  tool_calls: "tool-calls",
  function_call: "tool-calls",
  content_filter: "content-filter",
};

/** Friendli's `finish_reason` as the AI SDK's, the raw value kept. */
export function mapFinishReason(raw: unknown): LanguageModelV4FinishReason {
  const text = typeof raw === "string" ? raw : undefined;
  return { unified: (text && UNIFIED[text]) || "other", raw: text };
}
