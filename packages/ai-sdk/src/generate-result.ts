import type { LanguageModelV4Content, LanguageModelV4GenerateResult, SharedV4Warning } from "@ai-sdk/provider";
import type { ResponseDetails } from "./call-options.ts";
import { mapFinishReason } from "./map-finish-reason.ts";
import { mapUsage } from "./map-usage.ts";
import { redactedCopy } from "./redacted-copy.ts";
import { responseMetadata } from "./response-metadata.ts";
import type { FailedCall } from "./to-ai-sdk-error.ts";

/** The fields of a chat or completion answer that a result reads the same way for both. */
interface ChoicesAnswer {
  id?: unknown;
  model?: unknown;
  created?: unknown;
  choices: { finish_reason?: unknown }[];
  usage?: Parameters<typeof mapUsage>[0];
}

/**
 * A language model's `doGenerate` result from its checked answer: the content is the model's
 * own reading of the first choice; the finish reason, usage and response metadata are read
 * alike for chat and completions, redacted with the call's secret.
 */
export function generateResult(
  answered: ResponseDetails & { result: ChoicesAnswer; secret: string | null },
  content: LanguageModelV4Content[],
  warnings: SharedV4Warning[],
  request: FailedCall,
): LanguageModelV4GenerateResult {
  const { result, secret, headers, providerMetadata } = answered;
  return {
    content,
    finishReason: mapFinishReason(result.choices[0]?.finish_reason),
    usage: mapUsage(result.usage, secret),
    warnings,
    providerMetadata,
    request,
    response: { ...responseMetadata(result, secret), headers, body: redactedCopy(result, secret) },
  };
}
