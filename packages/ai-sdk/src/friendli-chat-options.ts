import { z } from "zod";

/**
 * Friendli's own chat settings, under `providerOptions.friendli`. Unknown keys are an error
 * (a typo would otherwise be dropped without a word).
 */
export const friendliChatOptionsSchema = z.strictObject({
  /** Output must match this regular expression (Friendli's `regex` response format). */
  regex: z.string().min(1).optional(),
  /** Drops tokens below this fraction of the top token's probability. */
  minP: z.number().min(0).max(1).optional(),
  /** Penalises tokens that already appeared (1 = none). */
  repetitionPenalty: z.number().positive().optional(),
  /** The least number of tokens to generate. */
  minTokens: z.number().int().nonnegative().optional(),
  /** Exclude-top-choices sampling: the probability threshold and how often it applies. */
  xtcThreshold: z.number().min(0).max(1).optional(),
  xtcProbability: z.number().min(0).max(1).optional(),
  /** Whether the model may call several tools in one turn. */
  parallelToolCalls: z.boolean().optional(),
  /** Token budget for reasoning. */
  reasoningBudget: z.number().int().positive().optional(),
  /** Friendli's `reasoning_effort` by name, `ultracode` included; wins over the AI SDK's `reasoning`. */
  reasoningEffort: z.enum(["minimal", "low", "medium", "high", "xhigh", "max", "ultracode"]).optional(),
  /**
   * Split the model's reasoning into `reasoning_content` (sent as `true` unless set, as the
   * official provider does), and whether to send it back.
   */
  parseReasoning: z.boolean().optional(),
  includeReasoning: z.boolean().optional(),
  /** `chat_template_kwargs.enable_thinking`: thinking on or off, on models whose template reads it. */
  enableThinking: z.boolean().optional(),
  /** Extra arguments to the model's chat template, e.g. `{ enable_thinking: false }`. */
  chatTemplateKwargs: z.object({ enable_thinking: z.boolean().optional() }).catchall(z.unknown()).optional(),
  /** With built-in tools: go on answering when a tool fails (tool-assisted chat's `resume_generation`). */
  resumeGeneration: z.boolean().optional(),
  /** Token ids that end the generation. */
  eosToken: z.array(z.number().int()).optional(),
  /** Bias per token id. */
  logitBias: z.record(z.string(), z.number()).optional(),
});

/** `providerOptions.friendli` of a chat call. */
export type FriendliChatOptions = z.infer<typeof friendliChatOptionsSchema>;
