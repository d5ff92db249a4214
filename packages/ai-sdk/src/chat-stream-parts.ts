import type { LanguageModelV4FinishReason, LanguageModelV4StreamPart, SharedV4Warning } from "@ai-sdk/provider";
import { APIUserAbortError, StreamInterruptedError } from "@friendli-ts/inference";
import { chatChunkShape, toolAssistedEventShape, toolStatusShape } from "./answer-shapes.ts";
import { BuiltInToolCalls } from "./built-in-tool-calls.ts";
import { checkAnswer } from "./check-answer.ts";
import { mapFinishReason } from "./map-finish-reason.ts";
import { mapUsage } from "./map-usage.ts";
import { redactedCopy } from "./redacted-copy.ts";
import { responseMetadata } from "./response-metadata.ts";
import { ToolCallAssembler } from "./tool-call-assembler.ts";

export interface ChatStreamSettings {
  warnings: SharedV4Warning[];
  includeRawChunks: boolean;
  metadata: { friendli: { requestId: string | null } };
  /** The call's secret: what the server sent is redacted with it before it is handed on. */
  secret: string | null;
  toError(error: unknown): unknown;
  /**
   * Set for a tool-assisted chat stream (events of `tool_status` updates and chat chunks):
   * built-in tool type -> the user's name for it.
   */
  builtInTools?: Map<string, string>;
}

/**
 * The Friendli chat stream as the AI SDK's stream parts. It reads the SDK's stream as the
 * AI SDK pulls, so a slow reader holds the connection back rather than filling memory; a
 * cancel aborts the request. A stream that breaks ends with an `error` part and an
 * `interrupted` finish, and no half-built tool call is handed on.
 */
export function chatStreamParts(
  stream: AsyncIterable<unknown>,
  settings: ChatStreamSettings,
): ReadableStream<LanguageModelV4StreamPart> {
  const { secret } = settings;
  const chunks = stream[Symbol.asyncIterator]();
  const tools = new ToolCallAssembler();
  const builtIn = settings.builtInTools ? new BuiltInToolCalls(settings.builtInTools, secret) : undefined;
  let finishReason: LanguageModelV4FinishReason = { unified: "other", raw: undefined };
  let usage = mapUsage(undefined, secret);
  let textOpen = false;
  let reasoningOpen = false;
  let sentMetadata = false;
  let done = false;
  // Text and reasoning blocks are numbered: a built-in tool's run closes the open ones.
  let block = 0;
  let textId = "text-0";
  let reasoningId = "reasoning-0";

  const closeBlocks = (parts: LanguageModelV4StreamPart[]) => {
    if (!reasoningOpen && !textOpen) return;
    if (reasoningOpen) parts.push({ type: "reasoning-end", id: reasoningId });
    if (textOpen) parts.push({ type: "text-end", id: textId });
    reasoningOpen = textOpen = false;
    block++;
    textId = `text-${block}`;
    reasoningId = `reasoning-${block}`;
  };

  const read = (value: unknown): LanguageModelV4StreamPart[] => {
    const parts: LanguageModelV4StreamPart[] = [];
    if (settings.includeRawChunks) parts.push({ type: "raw", rawValue: redactedCopy(value, secret) });
    if (!builtIn) {
      readChunk(value, parts);
      return parts;
    }
    // A tool-assisted event: a built-in tool's status, or a chunk of the answer.
    const event = checkAnswer(toolAssistedEventShape, value, "tool-assisted chat event", secret);
    if (event.event === "tool_status") {
      closeBlocks(parts);
      builtIn.add(checkAnswer(toolStatusShape, event.data, "built-in tool status", secret), parts);
    } else {
      readChunk(event.data, parts);
    }
    return parts;
  };

  const readChunk = (value: unknown, parts: LanguageModelV4StreamPart[]): void => {
    // A chunk of the wrong shape ends the stream with the AI SDK's TypeValidationError.
    const chunk = checkAnswer(chatChunkShape, value, "chat stream chunk", secret);
    if (!sentMetadata) {
      sentMetadata = true;
      parts.push({ type: "response-metadata", ...responseMetadata(chunk, secret) });
    }
    if (chunk.usage) usage = mapUsage(chunk.usage, secret);
    const choice = chunk.choices?.[0];
    const delta = choice?.delta;
    if (typeof delta?.reasoning_content === "string" && delta.reasoning_content !== "") {
      if (!reasoningOpen) {
        reasoningOpen = true;
        parts.push({ type: "reasoning-start", id: reasoningId });
      }
      parts.push({ type: "reasoning-delta", id: reasoningId, delta: delta.reasoning_content });
    }
    if (typeof delta?.content === "string" && delta.content !== "") {
      if (reasoningOpen) {
        reasoningOpen = false;
        parts.push({ type: "reasoning-end", id: reasoningId });
      }
      if (!textOpen) {
        textOpen = true;
        parts.push({ type: "text-start", id: textId });
      }
      parts.push({ type: "text-delta", id: textId, delta: delta.content });
    }
    for (const call of delta?.tool_calls ?? []) tools.add(call, parts);
    if (choice?.finish_reason != null) finishReason = mapFinishReason(choice.finish_reason);
  };

  const end = (failure?: unknown): LanguageModelV4StreamPart[] => {
    const parts: LanguageModelV4StreamPart[] = [];
    closeBlocks(parts);
    if (failure === undefined) {
      const calls = tools.finish(parts);
      if (finishReason.unified === "other" && finishReason.raw === undefined && calls > 0) {
        finishReason = { unified: "tool-calls", raw: undefined };
      }
    } else {
      parts.push({ type: "error", error: settings.toError(failure) });
      finishReason = {
        unified: failure instanceof StreamInterruptedError ? "interrupted" : "error",
        raw: finishReason.raw,
      };
    }
    parts.push({ type: "finish", finishReason, usage, providerMetadata: settings.metadata });
    return parts;
  };

  return new ReadableStream<LanguageModelV4StreamPart>({
    start(controller) {
      controller.enqueue({ type: "stream-start", warnings: settings.warnings });
    },
    async pull(controller) {
      if (done) return;
      let parts: LanguageModelV4StreamPart[] = [];
      try {
        // A pull that enqueues nothing is not called again: read until a chunk gives parts.
        while (parts.length === 0) {
          const next = await chunks.next();
          if (next.done) {
            done = true;
            parts = end();
          } else {
            parts = read(next.value);
          }
        }
      } catch (error) {
        done = true;
        if (error instanceof APIUserAbortError) {
          controller.error(settings.toError(error));
          return;
        }
        // The stream may still be open (a chunk of the wrong shape): nothing more is read from it.
        await chunks.return?.()?.catch(() => undefined);
        parts = end(error);
      }
      for (const part of parts) controller.enqueue(part);
      if (done) controller.close();
    },
    async cancel() {
      done = true;
      await chunks.return?.();
    },
  });
}
