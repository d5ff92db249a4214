import type { FriendliInference } from "@friendli-ts/inference";
import { z } from "zod";
import { callOptions, newCapture } from "./call-options.ts";
import { checkAnswer } from "./check-answer.ts";
import { redactedCopy } from "./redacted-copy.ts";
import { toAiSdkError } from "./to-ai-sdk-error.ts";

/** One serverless model, as the public model list describes it. */
export interface FriendliModelInfo {
  /** The id to give `friendli(id)`. */
  id: string;
  /** Its display name. */
  name?: string;
  /** The most tokens of prompt and answer together. */
  contextLength?: number;
  /** The most tokens of one answer. */
  maxCompletionTokens?: number;
  /** What the model can do; a field the list leaves out is unknown. */
  functionality?: {
    toolCalls?: boolean;
    /** Friendli's built-in tools (`friendli.tools`). */
    builtInTools?: boolean;
    parallelToolCalls?: boolean;
    structuredOutput?: boolean;
  };
  /** Prices as the list gives them (per token, per audio minute), unchanged. */
  pricing?: Record<string, unknown>;
  /** When the model stops being served, when one is announced. */
  deprecationDate?: string;
}

const text = z.string().nullish();
const count = z.number().nullish();
const flag = z.boolean().nullish();

const modelListShape = z.object({
  data: z.array(
    z.object({
      id: z.string().min(1),
      name: text,
      context_length: count,
      max_completion_tokens: count,
      functionality: z
        .object({ tool_call: flag, builtin_tool: flag, parallel_tool_call: flag, structured_output: flag })
        .nullish(),
      pricing: z.record(z.string(), z.unknown()).nullish(),
      deprecation_date: text,
    }),
  ),
});
type ModelItem = z.infer<typeof modelListShape>["data"][number];

/** Options of `listModels`. */
export interface ListModelsOptions {
  /** Aborts the call. */
  abortSignal?: AbortSignal;
  /** Extra request headers. */
  headers?: Record<string, string | undefined>;
}

/**
 * The serverless models from the public list (`GET /serverless/v1/models`), for an app that
 * picks its model at run time. A list of the wrong shape is the AI SDK's TypeValidationError;
 * every text in it is redacted with the call's token.
 */
export async function listModels(
  inference: FriendliInference,
  secretOf: (owner: unknown) => string | null,
  url: string,
  options: ListModelsOptions = {},
): Promise<FriendliModelInfo[]> {
  let answer: unknown;
  try {
    answer = await inference.serverless.models.list(callOptions(options, newCapture()));
  } catch (error) {
    throw toAiSdkError(error, { url, body: undefined });
  }
  const secret = secretOf(answer);
  const list = checkAnswer(modelListShape, answer, "model list", secret);
  return list.data.map((item) => redactedCopy(modelInfo(item), secret) as FriendliModelInfo);
}

function modelInfo(item: ModelItem): FriendliModelInfo {
  const info: FriendliModelInfo = { id: item.id };
  if (item.name != null) info.name = item.name;
  if (item.context_length != null) info.contextLength = item.context_length;
  if (item.max_completion_tokens != null) info.maxCompletionTokens = item.max_completion_tokens;
  const f = item.functionality;
  if (f != null) {
    info.functionality = {};
    if (f.tool_call != null) info.functionality.toolCalls = f.tool_call;
    if (f.builtin_tool != null) info.functionality.builtInTools = f.builtin_tool;
    if (f.parallel_tool_call != null) info.functionality.parallelToolCalls = f.parallel_tool_call;
    if (f.structured_output != null) info.functionality.structuredOutput = f.structured_output;
  }
  if (item.pricing != null) info.pricing = { ...item.pricing };
  if (item.deprecation_date != null) info.deprecationDate = item.deprecation_date;
  return info;
}
