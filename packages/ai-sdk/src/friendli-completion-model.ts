import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
  SharedV4Warning,
} from "@ai-sdk/provider";
import { StreamInterruptedError } from "@friendli-ts/inference";
import { completionAnswerShape, completionChunkShape } from "./answer-shapes.ts";
import { callAndCheck } from "./call-and-check.ts";
import { callOptions, newCapture, responseDetails } from "./call-options.ts";
import { checkAnswer } from "./check-answer.ts";
import type { ModelConfig } from "./friendli-chat-model.ts";
import { generateResult } from "./generate-result.ts";
import { mapFinishReason } from "./map-finish-reason.ts";
import { mapUsage } from "./map-usage.ts";
import { samplingFields } from "./sampling-fields.ts";
import { toAiSdkError } from "./to-ai-sdk-error.ts";
import { toCompletionPrompt } from "./to-completion-prompt.ts";

/** A Friendli text completion model for the AI SDK (`/v1/completions`): one prompt, no tools. */
export class FriendliCompletionModel implements LanguageModelV4 {
  readonly specificationVersion = "v4";
  readonly supportedUrls = {};

  constructor(
    readonly modelId: string,
    private readonly config: ModelConfig,
  ) {}

  get provider(): string {
    return this.config.provider;
  }

  private request(options: LanguageModelV4CallOptions) {
    const warnings: SharedV4Warning[] = [];
    if (options.tools?.length) warnings.push({ type: "unsupported", feature: "tools" });
    if (options.responseFormat?.type === "json") warnings.push({ type: "unsupported", feature: "responseFormat" });
    const body: Record<string, unknown> = {
      ...(this.modelId ? { model: this.modelId } : {}),
      prompt: toCompletionPrompt(options.prompt),
      ...samplingFields(options),
    };
    for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
    return { body, warnings, url: this.config.url("/v1/completions") };
  }

  async doGenerate(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    const { body, warnings, url } = this.request(options);
    const answered = await callAndCheck(this.config, options, {
      operation: "completion",
      body,
      failed: { url, body },
      shape: completionAnswerShape,
      what: "completion",
    });
    const text = answered.result.choices[0]?.text ?? "";
    return generateResult(answered, text ? [{ type: "text", text }] : [], warnings, { url, body });
  }

  async doStream(options: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
    const { body: plain, warnings, url } = this.request(options);
    const body = { ...plain, stream_options: { include_usage: true } };
    let stream: Awaited<ReturnType<ModelConfig["calls"]["completionStream"]>>;
    try {
      stream = await this.config.calls.completionStream(body, callOptions(options, newCapture()));
    } catch (error) {
      throw toAiSdkError(error, { url, body });
    }
    const secret = this.config.secretOf(stream);
    const { headers, providerMetadata } = responseDetails(stream.response, secret);
    const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<unknown>;
    let usage = mapUsage(undefined, secret);
    let finishReason = mapFinishReason(undefined);
    let open = false;
    const parts = new ReadableStream<LanguageModelV4StreamPart>({
      start: (controller) => controller.enqueue({ type: "stream-start", warnings }),
      async pull(controller) {
        try {
          // A pull that enqueues nothing is not called again: read until a chunk gives parts.
          for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
            // A chunk of the wrong shape ends the stream with the AI SDK's TypeValidationError.
            const chunk = checkAnswer(completionChunkShape, next.value, "completion stream chunk", secret);
            if (chunk.usage) usage = mapUsage(chunk.usage, secret);
            const choice = chunk.choices?.[0];
            if (choice?.finish_reason != null) finishReason = mapFinishReason(choice.finish_reason);
            if (typeof choice?.text === "string" && choice.text !== "") {
              if (!open) controller.enqueue({ type: "text-start", id: "text-0" });
              open = true;
              controller.enqueue({ type: "text-delta", id: "text-0", delta: choice.text });
              return;
            }
          }
        } catch (error) {
          const mapped = toAiSdkError(error, { url, body });
          if (mapped instanceof DOMException) return controller.error(mapped);
          // The stream may still be open (a chunk of the wrong shape): nothing more is read from it.
          await chunks.return?.()?.catch(() => undefined);
          controller.enqueue({ type: "error", error: mapped });
          finishReason = { unified: error instanceof StreamInterruptedError ? "interrupted" : "error", raw: undefined };
        }
        if (open) controller.enqueue({ type: "text-end", id: "text-0" });
        controller.enqueue({ type: "finish", finishReason, usage, providerMetadata });
        controller.close();
      },
      cancel: async () => {
        await chunks.return?.();
      },
    });
    return { stream: parts, request: { url, body }, response: { headers } };
  }
}
