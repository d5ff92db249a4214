import {
  type ImageModelV4,
  type ImageModelV4CallOptions,
  type ImageModelV4File,
  type ImageModelV4Result,
  type SharedV4Warning,
  UnsupportedFunctionalityError,
} from "@ai-sdk/provider";
import { convertToBase64, parseProviderOptions } from "@ai-sdk/provider-utils";
import type { FriendliClient } from "@friendli-ts/client";
import { coreOf, makeRequest, redact, redactError } from "@friendli-ts/client/internal";
import { z } from "zod";
import { imagesAnswerShape } from "./answer-shapes.ts";
import { callAndCheck } from "./call-and-check.ts";
import { wrongShape } from "./check-answer.ts";
import type { ModelConfig } from "./friendli-chat-model.ts";
import { toAiSdkError } from "./to-ai-sdk-error.ts";

/** `providerOptions.friendli` of an image call. */
export const friendliImageOptionsSchema = z.strictObject({
  numInferenceSteps: z.number().int().min(1).max(50).optional(),
  guidanceScale: z.number().optional(),
});
export type FriendliImageOptions = z.infer<typeof friendliImageOptionsSchema>;

export interface ImageModelConfig extends ModelConfig {
  /** The client that downloads an image the API answers with a URL for. */
  client(): FriendliClient;
  container: boolean;
}

/**
 * A Friendli image model for the AI SDK, dedicated and container: `/v1/images/generations`,
 * or `/v1/images/edits` when the call gives images to edit (`prompt: { images, text }`).
 */
export class FriendliImageModel implements ImageModelV4 {
  readonly specificationVersion = "v4";
  // The API makes one image per request; the AI SDK sends as many requests as images asked.
  readonly maxImagesPerCall = 1;
  // Images given to generateImage are edited (the edits operation); it takes no mask.
  readonly supportsFileInputs = true;
  readonly supportsMaskInputs = false;

  constructor(
    readonly modelId: string,
    private readonly config: ImageModelConfig,
  ) {}

  get provider(): string {
    return this.config.provider;
  }

  async doGenerate(options: ImageModelV4CallOptions): Promise<ImageModelV4Result> {
    if (options.mask) {
      throw new UnsupportedFunctionalityError({ functionality: "a mask: Friendli's image edits take none" });
    }
    const edit = (options.files?.length ?? 0) > 0;
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
      ...(edit ? { image: (options.files ?? []).map(imageInput) } : {}),
      // Base64 in the answer, so no second download: png for dedicated, jpeg for a container.
      response_format: this.config.container ? "jpeg" : "png",
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(friendli?.numInferenceSteps !== undefined ? { num_inference_steps: friendli.numInferenceSteps } : {}),
      ...(friendli?.guidanceScale !== undefined ? { guidance_scale: friendli.guidanceScale } : {}),
    };
    const url = this.config.url(edit ? "/v1/images/edits" : "/v1/images/generations");
    const { answer, result, secret, headers } = await callAndCheck(this.config, options, {
      operation: edit ? "imageEdits" : "images",
      body,
      failed: { url, body },
      shape: imagesAnswerShape,
      what: edit ? "image edit" : "image generation",
    });
    // As many images as asked, of however many the answer lists.
    const wanted =
      typeof result.image === "string" ? [{ b64_json: result.image }] : (result.data ?? []).slice(0, options.n);
    const images: string[] = [];
    try {
      // One download at a time: each is read whole (to the client's cap) before the next starts.
      for (const item of wanted) images.push(await this.imageOf(item, options.abortSignal, answer, secret));
    } catch (error) {
      // A download's error quotes its URL, which came from the answer: server text.
      throw toAiSdkError(redactError(error, secret), { url, body });
    }
    return { images, warnings, response: { timestamp: new Date(), modelId: this.modelId, headers } };
  }

  /** One image as base64: as the answer gave it, or downloaded (without the token) from its URL. */
  private async imageOf(
    item: { b64_json?: string | null | undefined; url?: string | null | undefined },
    signal: AbortSignal | undefined,
    answer: unknown,
    secret: string | null,
  ): Promise<string> {
    if (typeof item.b64_json === "string") return item.b64_json;
    if (typeof item.url === "string" && redact(item.url, secret) !== item.url) {
      // The token must not reach another host, not even in a URL the server wrote it into.
      const cause = "an image URL in the answer carries the call's token: it is not downloaded";
      throw wrongShape(answer, cause, "image generation", secret);
    }
    if (typeof item.url === "string") {
      const call = { url: item.url, method: "GET", plain: true };
      const response = await makeRequest(coreOf(this.config.client()), call, { signal });
      return convertToBase64(new Uint8Array(await response.arrayBuffer()));
    }
    const cause = "an image in the answer has neither `b64_json` nor `url`";
    throw wrongShape(answer, cause, "image generation", secret);
  }
}

/** An image to edit as the API takes it: its URL, or its bytes as a data URL. */
function imageInput(file: ImageModelV4File): { image: string } {
  if (file.type === "url") return { image: file.url };
  const data = typeof file.data === "string" ? file.data : convertToBase64(file.data);
  return { image: `data:${file.mediaType};base64,${data}` };
}
