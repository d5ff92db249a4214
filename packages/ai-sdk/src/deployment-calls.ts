import type { MethodBody as Body, CallOptions, FriendliInference, Result } from "@friendli-ts/inference";
import type { Deployment } from "./deployment.ts";

/**
 * The inference calls the models make, over one deployment's namespace. The AI SDK hands
 * the provider settings, not spec bodies, so the bodies are built by this package and given
 * to the typed families here, at one place.
 */
export interface DeploymentCalls {
  chat(body: Record<string, unknown>, options: CallOptions): Promise<unknown>;
  chatStream(body: Record<string, unknown>, options: CallOptions): Promise<Result<"serverless.chat.stream">>;
  completion(body: Record<string, unknown>, options: CallOptions): Promise<unknown>;
  completionStream(
    body: Record<string, unknown>,
    options: CallOptions,
  ): Promise<Result<"serverless.completions.stream">>;
  /** Tool-assisted chat (Friendli's built-in tools), serverless only. */
  toolAssistedChatStream?(
    body: Record<string, unknown>,
    options: CallOptions,
  ): Promise<Result<"serverless.toolAssistedChat.stream">>;
  /** Only where the deployment has the operation; the provider never builds a model without it. */
  embeddings?(body: Record<string, unknown>, options: CallOptions): Promise<unknown>;
  images?(body: Record<string, unknown>, options: CallOptions): Promise<unknown>;
  imageEdits?(body: Record<string, unknown>, options: CallOptions): Promise<unknown>;
  transcription(body: Record<string, unknown>, options: CallOptions): Promise<unknown>;
}

export function deploymentCalls(inference: FriendliInference, deployment: Deployment): DeploymentCalls {
  // What every deployment has, through the chosen deployment's families. The bodies are built
  // from settings, not typed per deployment: `as never` hands one to whichever deployment's
  // method `api` holds, as the casts by name below do for one deployment.
  const api = inference[deployment];
  const shared: DeploymentCalls = {
    chat: (b, o) => api.chat.complete(b as never, o),
    chatStream: (b, o) => api.chat.stream(b as never, o),
    completion: (b, o) => api.completions.complete(b as never, o),
    completionStream: (b, o) => api.completions.stream(b as never, o),
    transcription: (b, o) => api.audio.transcriptions.create(b as never, o),
  };
  if (deployment === "serverless") {
    const { serverless } = inference;
    return {
      ...shared,
      toolAssistedChatStream: (b, o) =>
        serverless.toolAssistedChat.stream(b as Body<"serverless.toolAssistedChat.stream">, o),
    };
  }
  // Dedicated endpoints and containers make and edit images; only dedicated ones embed.
  const imaging = inference[deployment];
  const withImages: DeploymentCalls = {
    ...shared,
    images: (b, o) => imaging.images.generate(b as never, o),
    imageEdits: (b, o) => imaging.images.edit(b as never, o),
  };
  if (deployment === "container") return withImages;
  const { dedicated } = inference;
  return {
    ...withImages,
    embeddings: (b, o) => dedicated.embeddings.create(b as Body<"dedicated.embeddings.create">, o),
  };
}
