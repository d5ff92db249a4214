import type { Prefix } from "../spec-types.ts";
import { type AudioApi, audioFamily } from "./audio.ts";
import { type ChatFamilyApi, chatFamily } from "./chat.ts";
import { type ClassificationApi, type ClassificationPrefix, classificationFamily } from "./classification.ts";
import { type CompletionsApi, completionsFamily } from "./completions.ts";
import { type EmbeddingsApi, embeddingsFamily } from "./embeddings.ts";
import { type ImagesApi, type ImagesPrefix, imagesFamily } from "./images.ts";
import { type KnowledgeApi, knowledgeFamily } from "./knowledge.ts";
import { type MessagesApi, messagesFamily } from "./messages.ts";
import { type ModelsApi, modelsFamily } from "./models.ts";
import { type ResponsesApi, responsesFamily } from "./responses.ts";
import { type TokenApi, tokenFamily } from "./token.ts";
import { type ToolAssistedChatApi, toolAssistedChatFamily } from "./tool-assisted-chat.ts";

/**
 * Each family's API on the deployment kind mounted at prefix `P` (see deployment-kinds.ts for
 * which kind has which).
 */
export interface FamilyApis<P extends Prefix> {
  chat: ChatFamilyApi<P>;
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

/** Every family's declaration, by its name in a kind's namespace. */
export const FAMILIES = {
  chat: chatFamily,
  completions: completionsFamily,
  responses: responsesFamily,
  messages: messagesFamily,
  token: tokenFamily,
  audio: audioFamily,
  embeddings: embeddingsFamily,
  images: imagesFamily,
  classification: classificationFamily,
  toolAssistedChat: toolAssistedChatFamily,
  knowledge: knowledgeFamily,
  models: modelsFamily,
} as const satisfies Record<FamilyName, unknown>;
