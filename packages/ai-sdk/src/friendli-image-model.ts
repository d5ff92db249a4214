import {
  type ImageModelV4,
  type ImageModelV4CallOptions,
  type ImageModelV4Result,
  type SharedV4Warning,
  UnsupportedFunctionalityError,
} from "@ai-sdk/provider";
import { convertToBase64, parseProviderOptions } from "@ai-sdk/provider-utils";
import type { FriendliClient } from "@friendli-ts/client";
import { coreOf, makeRequest } from "@friendli-ts/client/internal";
import { z } from "zod";
import { callOptions, newCapture } from "./call-options.ts";
import type { ModelConfig } from "./friendli-chat-model.ts";
import { toAiSdkError } from "./to-ai-sdk-error.ts";

/** `providerOptions.friendli` of an image call. */
export const friendliImageOptionsSchema = z.strictObject({
  numInferenceSteps: z.number().int().min(1).max(50).optional(),
  guidanceScale: z.number().optional(),
});
export type FriendliImageOptions = z.infer<typeof friendliImageOptionsSchema>;

interface ImageResult {
  data?: { b64_json?: unknown; url?: unknown }[];
  image?: unknown;
}

export interface ImageModelConfig extends ModelConfig {
  /** The client that downloads an image the API answers with a URL for. */
  client(): FriendliClient;
  container: boolean;
}

/** A Friendli image model for the AI SDK (`/v1/images/generations`, dedicated and container). */
export class FriendliImageModel implements ImageModelV4 {
  readonly specificationVersion = "v4";
  // The API makes one image per request; the AI SDK sends as many requests as images asked.
  readonly maxImagesPerCall = 1;
  // Editing is a separate operation (`images.edit`), not taken through generateImage here.
  readonly supportsFileInputs = false;
  readonly supportsMaskInputs = false;

  constructor(
    readonly modelId: string,
    private readonly config: ImageModelConfig,
  ) {}

  get provider(): string {
    return this.config.provider;
  }

  async doGenerate(options: ImageModelV4CallOptions): Promise<ImageModelV4Result> {
    if (options.files?.length || options.mask) {
      throw new UnsupportedFunctionalityError({ functionality: "image editing through generateImage" });
    }
    const warnings: SharedV4Warning[] = [];
    if (options.size) warnings.push({ type: "unsupported", feature: "size" });
    if (options.aspectRatio) warnings.push({ type: "unsupported", feature: "aspectRatio" });
    const friendli = await parseProviderOptions({
      provider: "friendli",
      providerOptions: options.providerOptions,
      schema: friendliImageOptionsSchema,
    });
    const body: Record<string, unknown> = {
      ...(this.modelId ? { model: this.modelId } : {}),
      prompt: options.prompt ?? "",
      // Base64 in the answer, so no second download: png for dedicated, jpeg for a container.
      response_format: this.config.container ? "jpeg" : "png",
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(friendli?.numInferenceSteps !== undefined ? { num_inference_steps: friendli.numInferenceSteps } : {}),
      ...(friendli?.guidanceScale !== undefined ? { guidance_scale: friendli.guidanceScale } : {}),
    };
    const capture = newCapture();
    const url = this.config.url("/v1/images/generations");
    try {
      const call = callOptions(options, capture);
      const result = (await this.config.calls.images?.(body, call)) as ImageResult;
      const images = await Promise.all(this.imagesOf(result, options.abortSignal));
      return {
        images,
        warnings,
        response: { timestamp: new Date(), modelId: this.modelId, headers: capture.headers },
      };
    } catch (error) {
      throw toAiSdkError(error, { url, body });
    }
  }

  private imagesOf(result: ImageResult, signal: AbortSignal | undefined): Promise<string>[] {
    if (typeof result.image === "string") return [Promise.resolve(result.image)];
    return (result.data ?? []).map(async (item) => {
      if (typeof item.b64_json === "string") return item.b64_json;
      if (typeof item.url === "string") {
        const call = { url: item.url, method: "GET", plain: true };
        const response = await makeRequest(coreOf(this.config.client()), call, { signal });
        return convertToBase64(new Uint8Array(await response.arrayBuffer()));
      }
      throw new UnsupportedFunctionalityError({ functionality: "an image answer with neither data nor a URL" });
    });
  }
}
