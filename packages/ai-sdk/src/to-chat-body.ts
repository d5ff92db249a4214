import {
  InvalidArgumentError,
  type LanguageModelV4CallOptions,
  type LanguageModelV4ToolChoice,
  type SharedV4Warning,
} from "@ai-sdk/provider";
import { parseProviderOptions } from "@ai-sdk/provider-utils";
import { type FriendliChatOptions, friendliChatOptionsSchema } from "./friendli-chat-options.ts";
import { samplingFields } from "./sampling-fields.ts";
import { toChatMessages } from "./to-chat-messages.ts";

export interface ChatRequest {
  body: Record<string, unknown>;
  warnings: SharedV4Warning[];
}

// The AI SDK's reasoning levels Friendli's `reasoning_effort` names alike.
const EFFORTS = new Set(["minimal", "low", "medium", "high", "xhigh", "max"]);

/**
 * The Friendli chat body for one AI SDK call, with a warning for each setting Friendli does
 * not take. `model` is left out when empty (a container serves one model).
 */
export async function toChatBody(modelId: string, options: LanguageModelV4CallOptions): Promise<ChatRequest> {
  const warnings: SharedV4Warning[] = [];
  const friendli = await parseProviderOptions({
    provider: "friendli",
    providerOptions: options.providerOptions,
    schema: friendliChatOptionsSchema,
  });
  const body: Record<string, unknown> = {
    ...(modelId ? { model: modelId } : {}),
    messages: toChatMessages(options.prompt),
    ...samplingFields(options),
    reasoning_effort: reasoningEffort(options.reasoning, warnings),
    response_format: responseFormat(options.responseFormat, friendli?.regex),
    ...friendliFields(friendli),
    ...toolFields(options, warnings),
  };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return { body, warnings };
}

function reasoningEffort(
  reasoning: LanguageModelV4CallOptions["reasoning"],
  warnings: SharedV4Warning[],
): string | undefined {
  if (reasoning === undefined || reasoning === "provider-default") return undefined;
  if (EFFORTS.has(reasoning)) return reasoning;
  warnings.push({
    type: "unsupported",
    feature: `reasoning: "${reasoning}"`,
    details: "Friendli's reasoning_effort has no such level; to turn thinking off, see chatTemplateKwargs",
  });
  return undefined;
}

function responseFormat(
  format: LanguageModelV4CallOptions["responseFormat"],
  regex: string | undefined,
): Record<string, unknown> | undefined {
  const json = format?.type === "json";
  if (regex !== undefined) {
    if (json) {
      throw new InvalidArgumentError({
        argument: "providerOptions.friendli.regex",
        message: "regex and a JSON output schema cannot both shape one answer; give one of them",
      });
    }
    return { type: "regex", schema: regex };
  }
  if (!json) return undefined;
  if (!format.schema) return { type: "json_object" };
  return { type: "json_schema", json_schema: { schema: format.schema } };
}

function friendliFields(options: FriendliChatOptions | undefined): Record<string, unknown> {
  if (!options) return {};
  return {
    min_p: options.minP,
    repetition_penalty: options.repetitionPenalty,
    min_tokens: options.minTokens,
    xtc_threshold: options.xtcThreshold,
    xtc_probability: options.xtcProbability,
    parallel_tool_calls: options.parallelToolCalls,
    reasoning_budget: options.reasoningBudget,
    parse_reasoning: options.parseReasoning,
    include_reasoning: options.includeReasoning,
    chat_template_kwargs: options.chatTemplateKwargs,
    eos_token: options.eosToken,
    logit_bias: options.logitBias,
  };
}

function toolFields(options: LanguageModelV4CallOptions, warnings: SharedV4Warning[]): Record<string, unknown> {
  const tools = [];
  for (const tool of options.tools ?? []) {
    if (tool.type !== "function") {
      warnings.push({
        type: "unsupported",
        feature: `provider tool ${tool.id}`,
        details: "Friendli takes function tools",
      });
      continue;
    }
    tools.push({
      type: "function",
      function: {
        name: tool.name,
        ...(tool.description ? { description: tool.description } : {}),
        parameters: tool.inputSchema,
        ...(tool.strict !== undefined ? { strict: tool.strict } : {}),
      },
    });
  }
  if (tools.length === 0) return {};
  return { tools, tool_choice: toolChoice(options.toolChoice) };
}

function toolChoice(choice: LanguageModelV4ToolChoice | undefined): unknown {
  if (!choice) return undefined;
  if (choice.type === "tool") return { type: "function", function: { name: choice.toolName } };
  return choice.type;
}
