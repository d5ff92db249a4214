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
  // from settings, not typed per deployment: `as never` hands one to whichever of the three
  // deployments' methods `api` holds, as the per-deployment casts below do by name.
  const api = inference[deployment];
  const shared: DeploymentCalls = {
    chat: (b, o) => api.chat.complete(b as never, o),
    chatStream: (b, o) => api.chat.stream(b as never, o),
    completion: (b, o) => api.completions.complete(b as never, o),
    completionStream: (b, o) => api.completions.stream(b as never, o),
    transcription: (b, o) => api.audio.transcriptions.create(b as never, o),
  };
  switch (deployment) {
    case "serverless": {
      const api = inference.serverless;
      return {
        ...shared,
        toolAssistedChatStream: (b, o) =>
          api.toolAssistedChat.stream(b as Body<"serverless.toolAssistedChat.stream">, o),
      };
    }
    case "dedicated": {
      const api = inference.dedicated;
      return {
        ...shared,
        embeddings: (b, o) => api.embeddings.create(b as Body<"dedicated.embeddings.create">, o),
        images: (b, o) => api.images.generate(b as Body<"dedicated.images.generate">, o),
        imageEdits: (b, o) => api.images.edit(b as Body<"dedicated.images.edit">, o),
      };
    }
    case "container": {
      const api = inference.container;
      return {
        ...shared,
        images: (b, o) => api.images.generate(b as Body<"container.images.generate">, o),
        imageEdits: (b, o) => api.images.edit(b as Body<"container.images.edit">, o),
      };
    }
  }
}
