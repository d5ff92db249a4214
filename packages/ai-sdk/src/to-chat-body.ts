import { InvalidArgumentError, type LanguageModelV4CallOptions, type SharedV4Warning } from "@ai-sdk/provider";
import { parseProviderOptions } from "@ai-sdk/provider-utils";
import { chatTools } from "./chat-tools.ts";
import type { Deployment } from "./deployment.ts";
import { type FriendliChatOptions, friendliChatOptionsSchema } from "./friendli-chat-options.ts";
import { samplingFields } from "./sampling-fields.ts";
import { toChatMessages } from "./to-chat-messages.ts";

export interface ChatRequest {
  body: Record<string, unknown>;
  warnings: SharedV4Warning[];
  /** Built-in tool type -> the user's name for it; not empty: the request goes to tool-assisted chat. */
  builtInTools: Map<string, string>;
}

// The AI SDK's reasoning levels Friendli's `reasoning_effort` names alike.
const EFFORTS = new Set(["minimal", "low", "medium", "high", "xhigh", "max"]);

// Fields of plain chat that tool-assisted chat's body does not have.
const NOT_TOOL_ASSISTED = ["min_tokens", "response_format"] as const;

/**
 * The Friendli chat body for one AI SDK call, with a warning for each setting Friendli does
 * not take. `model` is left out when empty (a container serves one model). Combinations the
 * API refuses are caught here, before the request.
 */
export async function toChatBody(
  modelId: string,
  options: LanguageModelV4CallOptions,
  deployment: Deployment,
): Promise<ChatRequest> {
  const warnings: SharedV4Warning[] = [];
  const friendli = await parseProviderOptions({
    provider: "friendli",
    providerOptions: options.providerOptions,
    schema: friendliChatOptionsSchema,
  });
  const tools = chatTools(options, deployment, warnings);
  const hasTools = tools.fields.tools !== undefined;
  const body: Record<string, unknown> = {
    ...(modelId ? { model: modelId } : {}),
    messages: toChatMessages(options.prompt),
    ...samplingFields(options),
    reasoning_effort: friendli?.reasoningEffort ?? reasoningEffort(options.reasoning, warnings),
    response_format: responseFormat(options.responseFormat, friendli?.regex, hasTools, warnings),
    ...friendliFields(friendli, options.reasoning),
    ...tools.fields,
  };
  if (tools.builtIn.size > 0) {
    for (const field of NOT_TOOL_ASSISTED) {
      if (body[field] === undefined) continue;
      warnings.push({
        type: "unsupported",
        feature: field,
        details: "tool-assisted chat (Friendli's built-in tools) has no such field",
      });
      delete body[field];
    }
  } else if (body.resume_generation !== undefined) {
    warnings.push({
      type: "unsupported",
      feature: "resumeGeneration",
      details: "only tool-assisted chat takes it: give a built-in tool (friendli.tools)",
    });
    delete body.resume_generation;
  }
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return { body, warnings, builtInTools: tools.builtIn };
}

function reasoningEffort(
  reasoning: LanguageModelV4CallOptions["reasoning"],
  warnings: SharedV4Warning[],
): string | undefined {
  // "none" turns thinking off through the chat template (see friendliFields).
  if (reasoning === undefined || reasoning === "provider-default" || reasoning === "none") return undefined;
  if (EFFORTS.has(reasoning)) return reasoning;
  warnings.push({
    type: "unsupported",
    feature: `reasoning: "${reasoning}"`,
    details: "Friendli's reasoning_effort has no such level",
  });
  return undefined;
}

function responseFormat(
  format: LanguageModelV4CallOptions["responseFormat"],
  regex: string | undefined,
  hasTools: boolean,
  warnings: SharedV4Warning[],
): Record<string, unknown> | undefined {
  const json = format?.type === "json";
  if (regex !== undefined) {
    if (json) {
      throw new InvalidArgumentError({
        argument: "providerOptions.friendli.regex",
        message: "regex and a JSON output schema cannot both shape one answer; give one of them",
      });
    }
    if (hasTools) {
      throw new InvalidArgumentError({
        argument: "providerOptions.friendli.regex",
        message: "Friendli refuses a response format beside tools: give regex or tools, not both",
      });
    }
    return { type: "regex", schema: regex };
  }
  if (!json) return undefined;
  if (hasTools) {
    // The AI SDK asks for JSON at every step of a tool loop with an output schema: the API
    // refuses the two together, so the format is left out and the answer parsed as it comes.
    warnings.push({
      type: "unsupported",
      feature: "responseFormat",
      details: "Friendli refuses a response format beside tools; it was left out of this request",
    });
    return undefined;
  }
  if (!format.schema) return { type: "json_object" };
  return { type: "json_schema", json_schema: { schema: format.schema } };
}

function friendliFields(
  options: FriendliChatOptions | undefined,
  reasoning: LanguageModelV4CallOptions["reasoning"],
): Record<string, unknown> {
  // The AI SDK's "none" is thinking off; Friendli's own settings win over it.
  const kwargs = {
    ...(reasoning === "none" ? { enable_thinking: false } : {}),
    ...options?.chatTemplateKwargs,
    ...(options?.enableThinking !== undefined ? { enable_thinking: options.enableThinking } : {}),
  };
  return {
    // As the official provider: reasoning split from the answer unless the user says otherwise.
    parse_reasoning: options?.parseReasoning ?? true,
    chat_template_kwargs: Object.keys(kwargs).length > 0 ? kwargs : undefined,
    min_p: options?.minP,
    repetition_penalty: options?.repetitionPenalty,
    min_tokens: options?.minTokens,
    xtc_threshold: options?.xtcThreshold,
    xtc_probability: options?.xtcProbability,
    parallel_tool_calls: options?.parallelToolCalls,
    reasoning_budget: options?.reasoningBudget,
    include_reasoning: options?.includeReasoning,
    eos_token: options?.eosToken,
    logit_bias: options?.logitBias,
    resume_generation: options?.resumeGeneration,
  };
}
