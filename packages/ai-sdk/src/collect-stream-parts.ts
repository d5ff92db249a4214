import type {
  LanguageModelV4Content,
  LanguageModelV4FinishReason,
  LanguageModelV4StreamPart,
  LanguageModelV4Usage,
  SharedV4ProviderMetadata,
  SharedV4Warning,
} from "@ai-sdk/provider";

/** A model's stream read to its end, as `doGenerate` returns it. */
export interface CollectedParts {
  content: LanguageModelV4Content[];
  finishReason: LanguageModelV4FinishReason;
  usage: LanguageModelV4Usage | undefined;
  providerMetadata: SharedV4ProviderMetadata | undefined;
  metadata: { id?: string; modelId?: string; timestamp?: Date };
  warnings: SharedV4Warning[];
}

/**
 * Reads a stream of the AI SDK's parts into content, in the order it came: each text or
 * reasoning block one part, tool calls and results as sent. An `error` part is thrown.
 */
export async function collectStreamParts(stream: ReadableStream<LanguageModelV4StreamPart>): Promise<CollectedParts> {
  const content: LanguageModelV4Content[] = [];
  const blocks = new Map<string, { text: string }>();
  const collected: CollectedParts = {
    content,
    finishReason: { unified: "other", raw: undefined },
    usage: undefined,
    providerMetadata: undefined,
    metadata: {},
    warnings: [],
  };
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value: part } = await reader.read();
      if (done) break;
      switch (part.type) {
        case "text-start":
        case "reasoning-start": {
          const block = { type: part.type === "text-start" ? ("text" as const) : ("reasoning" as const), text: "" };
          blocks.set(part.id, block);
          content.push(block);
          break;
        }
        case "text-delta":
        case "reasoning-delta": {
          const block = blocks.get(part.id);
          if (block) block.text += part.delta;
          break;
        }
        case "tool-call":
        case "tool-result":
          content.push(part);
          break;
        case "stream-start":
          collected.warnings = part.warnings;
          break;
        case "response-metadata": {
          const { type: _, ...metadata } = part;
          collected.metadata = metadata;
          break;
        }
        case "finish":
          collected.finishReason = part.finishReason;
          collected.usage = part.usage;
          collected.providerMetadata = part.providerMetadata;
          break;
        case "error":
          throw part.error;
        default:
          break;
      }
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
  return collected;
}
