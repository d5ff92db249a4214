import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4Content,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamResult,
} from "@ai-sdk/provider";
import { generateId } from "@ai-sdk/provider-utils";
import { type ChatAnswer, chatAnswerShape } from "./answer-shapes.ts";
import { callAndCheck } from "./call-and-check.ts";
import { callOptions, newCapture, responseDetails } from "./call-options.ts";
import { chatStreamParts } from "./chat-stream-parts.ts";
import { wrongShape } from "./check-answer.ts";
import { collectStreamParts } from "./collect-stream-parts.ts";
import type { Deployment } from "./deployment.ts";
import type { DeploymentCalls } from "./deployment-calls.ts";
import { generateResult } from "./generate-result.ts";
import { mapUsage } from "./map-usage.ts";
import { toAiSdkError } from "./to-ai-sdk-error.ts";
import { toChatBody } from "./to-chat-body.ts";
import { argumentsText } from "./tool-call-assembler.ts";

export interface ModelConfig {
  /** `friendli.serverless.chat`, `friendli.dedicated.embedding`, ... */
  provider: string;
  /** Where the model runs: what it may send to (tool-assisted chat is serverless only). */
  deployment: Deployment;
  calls: DeploymentCalls;
  /** The URL an operation goes to, for the AI SDK's error and request metadata. */
  url(path: string): string;
  /** The token a call's result or stream was fetched with, to redact what the server sent back. */
  secretOf(owner: unknown): string | null;
}

type ChatMessage = NonNullable<ChatAnswer["choices"][number]["message"]>;

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
    const request = await toChatBody(this.modelId, options, this.config.deployment);
    // Tool-assisted chat reports its tools' runs only in its stream: the answer is read from it.
    if (request.builtInTools.size > 0) return this.generateFromStream(options);
    const { body, warnings } = request;
    const url = this.config.url("/v1/chat/completions");
    const answered = await callAndCheck(this.config, options, {
      operation: "chat",
      body,
      failed: { url, body },
      shape: chatAnswerShape,
      what: "chat completion",
    });
    const content = messageContent(answered.result.choices[0]?.message, answered.answer, answered.secret);
    return generateResult(answered, content, warnings, { url, body });
  }

  async doStream(options: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
    const request = await toChatBody(this.modelId, options, this.config.deployment);
    const body = { ...request.body, stream_options: { include_usage: true } };
    const builtIn = request.builtInTools.size > 0;
    const url = this.config.url(builtIn ? "/tools/v1/chat/completions" : "/v1/chat/completions");
    let stream: AsyncIterable<unknown> & { response?: Response | undefined };
    const call = callOptions(options, newCapture());
    const { calls } = this.config;
    try {
      // Built-in tools are kept only on serverless (chatTools), where this call exists.
      stream =
        builtIn && calls.toolAssistedChatStream
          ? await calls.toolAssistedChatStream(body, call)
          : await calls.chatStream(body, call);
    } catch (error) {
      throw toAiSdkError(error, { url, body });
    }
    const secret = this.config.secretOf(stream);
    const { headers, providerMetadata } = responseDetails(stream.response, secret);
    return {
      stream: chatStreamParts(stream, {
        warnings: request.warnings,
        includeRawChunks: options.includeRawChunks === true,
        metadata: providerMetadata,
        secret,
        toError: (error) => toAiSdkError(error, { url, body }),
        ...(builtIn ? { builtInTools: request.builtInTools } : {}),
      }),
      request: { url, body },
      response: { headers },
    };
  }

  /** `doGenerate` through the stream, for tool-assisted chat: its parts gathered into one result. */
  private async generateFromStream(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    const { stream, request, response } = await this.doStream(options);
    const collected = await collectStreamParts(stream);
    return {
      content: collected.content,
      finishReason: collected.finishReason,
      usage: collected.usage ?? mapUsage(undefined, null),
      warnings: collected.warnings,
      providerMetadata: collected.providerMetadata,
      request,
      response: { ...collected.metadata, headers: response?.headers },
    };
  }
}

function messageContent(
  message: ChatMessage | null | undefined,
  answer: unknown,
  secret: string | null,
): LanguageModelV4Content[] {
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
    const args = argumentsText(call.function?.arguments);
    if (args === undefined)
      throw wrongShape(answer, `tool call ${name}: arguments nested too deeply`, "chat completion", secret);
    content.push({
      type: "tool-call",
      toolCallId: typeof call.id === "string" && call.id !== "" ? call.id : generateId(),
      toolName: name,
      input: args.trim() !== "" ? args : "{}",
    });
  }
  return content;
}
