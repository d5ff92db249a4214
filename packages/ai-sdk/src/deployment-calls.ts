import type {
  CallOptions,
  ChatCompleteBody,
  ChatCompletionStream,
  CompletionStream,
  CompletionsBody,
  EmbeddingsBody,
  FriendliInference,
  ImageGenerateBody,
  TranscriptionBody,
} from "@friendli-ts/inference";
import type { Deployment } from "./deployment.ts";

/**
 * The inference calls the models make, over one deployment's namespace. The AI SDK hands
 * the provider settings, not spec bodies, so the bodies are built by this package and given
 * to the typed families here, at one place.
 */
export interface DeploymentCalls {
  chat(body: Record<string, unknown>, options: CallOptions): Promise<unknown>;
  chatStream(body: Record<string, unknown>, options: CallOptions): Promise<ChatCompletionStream>;
  completion(body: Record<string, unknown>, options: CallOptions): Promise<unknown>;
  completionStream(body: Record<string, unknown>, options: CallOptions): Promise<CompletionStream>;
  /** Only where the deployment has the operation; the provider never builds a model without it. */
  embeddings?(body: Record<string, unknown>, options: CallOptions): Promise<unknown>;
  images?(body: Record<string, unknown>, options: CallOptions): Promise<unknown>;
  transcription(body: Record<string, unknown>, options: CallOptions): Promise<unknown>;
}

type Body = Record<string, unknown>;

export function deploymentCalls(inference: FriendliInference, deployment: Deployment): DeploymentCalls {
  switch (deployment) {
    case "serverless": {
      const api = inference.serverless;
      return {
        chat: (b, o) => api.chat.complete(b as ChatCompleteBody<"/serverless">, o),
        chatStream: (b, o) => api.chat.stream(b as ChatCompleteBody<"/serverless">, o),
        completion: (b, o) => api.completions.complete(b as CompletionsBody<"/serverless">, o),
        completionStream: (b, o) => api.completions.stream(b as CompletionsBody<"/serverless">, o),
        transcription: (b: Body, o) => api.audio.transcriptions.create(b as TranscriptionBody<"/serverless">, o),
      };
    }
    case "dedicated": {
      const api = inference.dedicated;
      return {
        chat: (b, o) => api.chat.complete(b as ChatCompleteBody<"/dedicated">, o),
        chatStream: (b, o) => api.chat.stream(b as ChatCompleteBody<"/dedicated">, o),
        completion: (b, o) => api.completions.complete(b as CompletionsBody<"/dedicated">, o),
        completionStream: (b, o) => api.completions.stream(b as CompletionsBody<"/dedicated">, o),
        embeddings: (b, o) => api.embeddings.create(b as EmbeddingsBody, o),
        images: (b, o) => api.images.generate(b as ImageGenerateBody<"/dedicated">, o),
        transcription: (b, o) => api.audio.transcriptions.create(b as TranscriptionBody<"/dedicated">, o),
      };
    }
    case "container": {
      const api = inference.container;
      return {
        chat: (b, o) => api.chat.complete(b as ChatCompleteBody<"">, o),
        chatStream: (b, o) => api.chat.stream(b as ChatCompleteBody<"">, o),
        completion: (b, o) => api.completions.complete(b as CompletionsBody<"">, o),
        completionStream: (b, o) => api.completions.stream(b as CompletionsBody<"">, o),
        images: (b, o) => api.images.generate(b as ImageGenerateBody<"">, o),
        transcription: (b, o) => api.audio.transcriptions.create(b as TranscriptionBody<"">, o),
      };
    }
  }
}
