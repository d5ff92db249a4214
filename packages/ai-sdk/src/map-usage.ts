import type { JSONObject, LanguageModelV4Usage } from "@ai-sdk/provider";
import { redactedCopy } from "./redacted-copy.ts";

interface ChatUsage {
  prompt_tokens?: unknown;
  completion_tokens?: unknown;
  prompt_tokens_details?: { cached_tokens?: unknown } | null;
  completion_tokens_details?: { reasoning_tokens?: unknown } | null;
}

/** A token count as sent, or unknown when it cannot be one (negative, fractional, not a number). */
export const tokenCount = (n: unknown): number | undefined =>
  Number.isSafeInteger(n) && (n as number) >= 0 ? (n as number) : undefined;

/** What is left of `total` after `part`; unknown when either is, or when the part is larger (the counts disagree). */
const rest = (total: number | undefined, part: number | undefined): number | undefined =>
  total === undefined || part === undefined ? total : total >= part ? total - part : undefined;

/**
 * Friendli's token counts as the AI SDK's usage; every field unknown when none came. A count
 * that cannot be one (`-40`, `1.5`) is unknown rather than passed on, and so is a split that
 * would be negative (more cached tokens than input tokens). The raw usage is server text,
 * redacted with the call's secret.
 */
export function mapUsage(usage: ChatUsage | null | undefined, secret: string | null): LanguageModelV4Usage {
  const input = tokenCount(usage?.prompt_tokens);
  const output = tokenCount(usage?.completion_tokens);
  const cached = tokenCount(usage?.prompt_tokens_details?.cached_tokens);
  const reasoning = tokenCount(usage?.completion_tokens_details?.reasoning_tokens);
  return {
    inputTokens: { total: input, noCache: rest(input, cached), cacheRead: cached, cacheWrite: undefined },
    outputTokens: { total: output, text: rest(output, reasoning), reasoning },
    ...(usage && typeof usage === "object" ? { raw: redactedCopy(usage, secret) as JSONObject } : {}),
  };
}
