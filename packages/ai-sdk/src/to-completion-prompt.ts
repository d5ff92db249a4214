import { type LanguageModelV4Prompt, UnsupportedFunctionalityError } from "@ai-sdk/provider";

/**
 * A prompt for a text completion: the text of its system and user messages, in order.
 * Completions take no roles, tools or files, so those are refused rather than dropped.
 */
export function toCompletionPrompt(prompt: LanguageModelV4Prompt): string {
  const pieces: string[] = [];
  for (const message of prompt) {
    if (message.role === "system") {
      pieces.push(message.content);
      continue;
    }
    if (message.role !== "user") {
      throw new UnsupportedFunctionalityError({
        functionality: `${message.role} messages in a completion prompt (use languageModel for a conversation)`,
      });
    }
    for (const part of message.content) {
      if (part.type !== "text")
        throw new UnsupportedFunctionalityError({ functionality: "files in a completion prompt" });
      pieces.push(part.text);
    }
  }
  return pieces.join("\n\n");
}
