import type {
  EmbeddingModelV4,
  EmbeddingModelV4CallOptions,
  EmbeddingModelV4Result,
  SharedV4Warning,
} from "@ai-sdk/provider";
import { embeddingsAnswerShape } from "./answer-shapes.ts";
import { callAndCheck } from "./call-and-check.ts";
import { wrongShape } from "./check-answer.ts";
import type { ModelConfig } from "./friendli-chat-model.ts";
import { tokenCount } from "./map-usage.ts";
import { redactedCopy } from "./redacted-copy.ts";

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
    const url = this.config.url("/v1/embeddings");
    const { answer, result, secret, headers, providerMetadata } = await callAndCheck(this.config, options, {
      operation: "embeddings",
      body,
      failed: { url, body },
      shape: embeddingsAnswerShape,
      what: "embeddings",
    });
    if (result.data.length !== options.values.length) {
      const cause = `${options.values.length} texts were sent, ${result.data.length} embeddings came back`;
      throw wrongShape(answer, cause, "embeddings", secret);
    }
    // In input order, whatever order the server listed them in.
    const data = result.data.slice().sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    const tokens = tokenCount(result.usage?.prompt_tokens);
    return {
      embeddings: data.map((item) => item.embedding),
      ...(tokens !== undefined ? { usage: { tokens } } : {}),
      providerMetadata,
      response: { headers, body: redactedCopy(result, secret) },
      warnings,
    };
  }
}
