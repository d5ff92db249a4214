import { NoSuchModelError } from "@ai-sdk/provider";
import { DEPLOYMENTS, type Deployment, KINDS_OF, type ModelKind } from "./deployment.ts";

const NOUNS: Record<ModelKind, string> = {
  languageModel: "chat",
  completionModel: "text completions",
  embeddingModel: "embeddings",
  imageModel: "image generation",
  transcriptionModel: "audio transcription",
};

type SdkModelKind = Exclude<ModelKind, "completionModel">;

/**
 * The AI SDK's error for a kind a deployment has no operation for, naming where that kind
 * exists and what this deployment does serve.
 */
export function noSuchModel(deployment: Deployment, kind: SdkModelKind, modelId: string): NoSuchModelError {
  const elsewhere = DEPLOYMENTS.filter((d) => KINDS_OF[d].includes(kind)).map((d) => `friendli.${d}.${kind}()`);
  const here = KINDS_OF[deployment].map((k) => NOUNS[k]).join(", ");
  return new NoSuchModelError({
    modelId,
    modelType: kind,
    message:
      `Friendli ${deployment} has no ${NOUNS[kind]} (the API has no such operation for it); ` +
      `${NOUNS[kind]} is served by ${elsewhere.join(" or ")}. ${deployment} serves: ${here}.`,
  });
}
