import type { FamilyFactory } from "../deployment-kinds.ts";
import type { Prefix } from "../spec-types.ts";
import { type AudioApi, audioApi } from "./audio.ts";
import { type ChatApi, chatFamily } from "./chat.ts";
import type { ChatRenderApi, RenderPrefix } from "./chat-render.ts";
import { type ClassificationApi, type ClassificationPrefix, classificationApi } from "./classification.ts";
import { type CompletionsApi, completionsApi } from "./completions.ts";
import { type EmbeddingsApi, embeddingsApi } from "./embeddings.ts";
import { type ImagesApi, type ImagesPrefix, imagesApi } from "./images.ts";
import { type KnowledgeApi, knowledgeApi } from "./knowledge.ts";
import { type MessagesApi, messagesApi } from "./messages.ts";
import { type ModelsApi, modelsApi } from "./models.ts";
import { type ResponsesApi, responsesApi } from "./responses.ts";
import { type TokenApi, tokenApi } from "./token.ts";
import { type ToolAssistedChatApi, toolAssistedChatApi } from "./tool-assisted-chat.ts";

/** Each family's API on the deployment kind mounted at prefix `P` (see deployment-kinds.ts for which kind has which). */
export interface FamilyApis<P extends Prefix> {
  chat: ChatApi<P> & (P extends RenderPrefix ? ChatRenderApi<P> : unknown);
  completions: CompletionsApi<P>;
  responses: ResponsesApi<P>;
  messages: MessagesApi<P>;
  token: TokenApi<P>;
  audio: AudioApi<P>;
  embeddings: EmbeddingsApi;
  images: P extends ImagesPrefix ? ImagesApi<P> : never;
  classification: P extends ClassificationPrefix ? ClassificationApi<P> : never;
  toolAssistedChat: ToolAssistedChatApi;
  knowledge: KnowledgeApi;
  models: ModelsApi;
}

export type FamilyName = keyof FamilyApis<Prefix>;

/**
 * How each family is built over a call core for one kind's prefix. Every family is made
 * the same way; a family that exists on one kind only ignores the prefix.
 */
export const FAMILY_FACTORIES: Record<FamilyName, FamilyFactory> = {
  chat: chatFamily,
  completions: completionsApi,
  responses: responsesApi,
  messages: messagesApi,
  token: tokenApi,
  audio: audioApi,
  embeddings: embeddingsApi,
  images: imagesApi,
  classification: classificationApi,
  toolAssistedChat: toolAssistedChatApi,
  knowledge: knowledgeApi,
  models: modelsApi,
};
