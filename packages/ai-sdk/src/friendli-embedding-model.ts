import type {
  EmbeddingModelV4,
  EmbeddingModelV4CallOptions,
  EmbeddingModelV4Result,
  SharedV4Warning,
} from "@ai-sdk/provider";
import { callOptions, friendliMetadata, newCapture } from "./call-options.ts";
import type { ModelConfig } from "./friendli-chat-model.ts";
import { toAiSdkError } from "./to-ai-sdk-error.ts";

interface EmbeddingsResult {
  data?: { index?: unknown; embedding?: unknown }[];
  usage?: { prompt_tokens?: unknown };
}

/** A Friendli embedding model for the AI SDK (`/v1/embeddings`, dedicated endpoints). */
export class FriendliEmbeddingModel implements EmbeddingModelV4 {
  readonly specificationVersion = "v4";
  // The API sets no limit of its own; the endpoint's batch size is the server's business.
  readonly maxEmbeddingsPerCall = undefined;
  readonly supportsParallelCalls = true;

  constructor(
    readonly modelId: string,
    private readonly config: ModelConfig,
  ) {}

  get provider(): string {
    return this.config.provider;
  }

  async doEmbed(options: EmbeddingModelV4CallOptions): Promise<EmbeddingModelV4Result> {
    const warnings: SharedV4Warning[] = [];
    if (options.dimensions !== undefined) {
      warnings.push({
        type: "unsupported",
        feature: "dimensions",
        details: "Friendli embeddings have the model's size",
      });
    }
    const body = { model: this.modelId, input: options.values, encoding_format: "float" };
    const capture = newCapture();
    const url = this.config.url("/v1/embeddings");
    const call = this.config.calls.embeddings;
    let result: EmbeddingsResult;
    try {
      result = (await call?.(body, callOptions(options, capture))) as EmbeddingsResult;
    } catch (error) {
      throw toAiSdkError(error, { url, body });
    }
    // In input order, whatever order the server listed them in.
    const data = [...(result.data ?? [])].sort((a, b) => Number(a.index ?? 0) - Number(b.index ?? 0));
    const tokens = result.usage?.prompt_tokens;
    return {
      embeddings: data.map((item) => (Array.isArray(item.embedding) ? item.embedding.map(Number) : [])),
      ...(typeof tokens === "number" ? { usage: { tokens } } : {}),
      providerMetadata: friendliMetadata(capture),
      response: { headers: capture.headers, body: result },
      warnings,
    };
  }
}
