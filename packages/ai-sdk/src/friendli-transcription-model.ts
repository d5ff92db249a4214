import type {
  JSONObject,
  SharedV4Warning,
  TranscriptionModelV4,
  TranscriptionModelV4CallOptions,
  TranscriptionModelV4Result,
} from "@ai-sdk/provider";
import { convertBase64ToUint8Array, parseProviderOptions } from "@ai-sdk/provider-utils";
import { z } from "zod";
import { transcriptionAnswerShape } from "./answer-shapes.ts";
import { callAndCheck } from "./call-and-check.ts";
import type { ModelConfig } from "./friendli-chat-model.ts";
import { redactedCopy } from "./redacted-copy.ts";

/** `providerOptions.friendli` of a transcription call. */
export const friendliTranscriptionOptionsSchema = z.strictObject({
  /** The spoken language (ISO-639-1, e.g. `en`), when known: faster and more accurate. */
  language: z.string().min(2).optional(),
  temperature: z.number().min(0).max(1).optional(),
});
export type FriendliTranscriptionOptions = z.infer<typeof friendliTranscriptionOptionsSchema>;

/** A Friendli transcription model for the AI SDK (`/v1/audio/transcriptions`, multipart). */
export class FriendliTranscriptionModel implements TranscriptionModelV4 {
  readonly specificationVersion = "v4";

  constructor(
    readonly modelId: string,
    private readonly config: ModelConfig,
  ) {}

  get provider(): string {
    return this.config.provider;
  }

  async doGenerate(options: TranscriptionModelV4CallOptions): Promise<TranscriptionModelV4Result> {
    const warnings: SharedV4Warning[] = [];
    if (options.timestampGranularities?.length) {
      warnings.push({ type: "unsupported", feature: "timestampGranularities", details: "Friendli returns text only" });
    }
    const friendli = await parseProviderOptions({
      provider: "friendli",
      providerOptions: options.providerOptions,
      schema: friendliTranscriptionOptionsSchema,
    });
    const bytes = typeof options.audio === "string" ? convertBase64ToUint8Array(options.audio) : options.audio;
    const body: Record<string, unknown> = {
      ...(this.modelId ? { model: this.modelId } : {}),
      file: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: options.mediaType }),
      ...(friendli?.language !== undefined ? { language: friendli.language } : {}),
      ...(friendli?.temperature !== undefined ? { temperature: friendli.temperature } : {}),
    };
    const url = this.config.url("/v1/audio/transcriptions");
    const { result, secret, headers, providerMetadata } = await callAndCheck(this.config, options, {
      operation: "transcription",
      body,
      failed: { url, body: { ...body, file: `(${bytes.byteLength} bytes)` } },
      shape: transcriptionAnswerShape,
      what: "transcription",
    });
    const { usage } = result;
    return {
      text: result.text,
      segments: [],
      language: friendli?.language,
      durationInSeconds: undefined,
      warnings,
      ...(usage && typeof usage === "object" && !Array.isArray(usage)
        ? { usage: redactedCopy(usage, secret) as JSONObject }
        : {}),
      response: { timestamp: new Date(), modelId: this.modelId, headers, body: redactedCopy(result, secret) },
      providerMetadata,
    };
  }
}
