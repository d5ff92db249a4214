import type { LanguageModelV4CallOptions } from "@ai-sdk/provider";

/** The AI SDK's sampling settings under the API's names, for chat and completions alike. */
export function samplingFields(options: LanguageModelV4CallOptions): Record<string, unknown> {
  return {
    max_tokens: options.maxOutputTokens,
    temperature: options.temperature,
    top_p: options.topP,
    top_k: options.topK,
    frequency_penalty: options.frequencyPenalty,
    presence_penalty: options.presencePenalty,
    stop: options.stopSequences,
    seed: options.seed,
  };
}
