import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4Content,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamResult,
} from "@ai-sdk/provider";
import { generateId } from "@ai-sdk/provider-utils";
import { callOptions, friendliMetadata, newCapture, readResponse } from "./call-options.ts";
import { chatStreamParts } from "./chat-stream-parts.ts";
import type { DeploymentCalls } from "./deployment-calls.ts";
import { mapFinishReason } from "./map-finish-reason.ts";
import { mapUsage } from "./map-usage.ts";
import { toAiSdkError } from "./to-ai-sdk-error.ts";
import { toChatBody } from "./to-chat-body.ts";

export interface ModelConfig {
  /** `friendli.serverless.chat`, `friendli.dedicated.embedding`, ... */
  provider: string;
  calls: DeploymentCalls;
  /** The URL an operation goes to, for the AI SDK's error and request metadata. */
  url(path: string): string;
}

interface ChatMessageResult {
  content?: unknown;
  reasoning_content?: unknown;
  tool_calls?: { id?: unknown; function?: { name?: unknown; arguments?: unknown } }[] | null;
}
interface ChatResult {
  id?: unknown;
  model?: unknown;
  created?: unknown;
  choices?: { message?: ChatMessageResult; finish_reason?: unknown }[];
  usage?: Parameters<typeof mapUsage>[0];
}

/** A Friendli chat model for the AI SDK (`/v1/chat/completions`). */
export class FriendliChatModel implements LanguageModelV4 {
  readonly specificationVersion = "v4";
  // Friendli fetches image, audio and video URLs itself.
  readonly supportedUrls = { "image/*": [/^https?:\/\//], "audio/*": [/^https?:\/\//], "video/*": [/^https?:\/\//] };

  constructor(
    readonly modelId: string,
    private readonly config: ModelConfig,
  ) {}

  get provider(): string {
    return this.config.provider;
  }

  async doGenerate(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    const { body, warnings } = await toChatBody(this.modelId, options);
    const capture = newCapture();
    const url = this.config.url("/v1/chat/completions");
    let result: ChatResult;
    try {
      result = (await this.config.calls.chat(body, callOptions(options, capture))) as ChatResult;
    } catch (error) {
      throw toAiSdkError(error, { url, body });
    }
    const choice = result.choices?.[0];
    return {
      content: messageContent(choice?.message),
      finishReason: mapFinishReason(choice?.finish_reason),
      usage: mapUsage(result.usage),
      warnings,
      providerMetadata: friendliMetadata(capture),
      request: { url, body },
      response: {
        ...responseMetadata(result),
        headers: capture.headers,
        body: result,
      },
    };
  }

  async doStream(options: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
    const request = await toChatBody(this.modelId, options);
    const body = { ...request.body, stream_options: { include_usage: true } };
    const url = this.config.url("/v1/chat/completions");
    let stream: Awaited<ReturnType<DeploymentCalls["chatStream"]>>;
    const call = callOptions(options, newCapture());
    try {
      stream = await this.config.calls.chatStream(body, call);
    } catch (error) {
      throw toAiSdkError(error, { url, body });
    }
    const capture = readResponse(stream.response);
    return {
      stream: chatStreamParts(stream, {
        warnings: request.warnings,
        includeRawChunks: options.includeRawChunks === true,
        metadata: friendliMetadata(capture),
        toError: (error) => toAiSdkError(error, { url, body }),
      }),
      request: { url, body },
      response: { headers: capture.headers },
    };
  }
}

function messageContent(message: ChatMessageResult | undefined): LanguageModelV4Content[] {
  const content: LanguageModelV4Content[] = [];
  if (typeof message?.reasoning_content === "string" && message.reasoning_content !== "") {
    content.push({ type: "reasoning", text: message.reasoning_content });
  }
  if (typeof message?.content === "string" && message.content !== "") {
    content.push({ type: "text", text: message.content });
  }
  for (const call of message?.tool_calls ?? []) {
    const name = call.function?.name;
    if (typeof name !== "string" || name === "") continue;
    const args = call.function?.arguments;
    content.push({
      type: "tool-call",
      toolCallId: typeof call.id === "string" && call.id !== "" ? call.id : generateId(),
      toolName: name,
      input:
        typeof args === "string" && args.trim() !== ""
          ? args
          : args && typeof args === "object"
            ? JSON.stringify(args)
            : "{}",
    });
  }
  return content;
}

/** The response's id, model and time, where the API sent them. */
export function responseMetadata(result: { id?: unknown; model?: unknown; created?: unknown }) {
  return {
    ...(typeof result.id === "string" ? { id: result.id } : {}),
    ...(typeof result.model === "string" ? { modelId: result.model } : {}),
    ...(typeof result.created === "number" ? { timestamp: new Date(result.created * 1000) } : {}),
  };
}
