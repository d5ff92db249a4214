import type { OperationId } from "@friendli-ts/client/internal";
import { audioMethods } from "./families/audio.ts";
import { chatMethods } from "./families/chat.ts";
import { chatRenderMethods } from "./families/chat-render.ts";
import { classificationMethods } from "./families/classification.ts";
import { completionsMethods } from "./families/completions.ts";
import { embeddingsMethods } from "./families/embeddings.ts";
import { imagesMethods } from "./families/images.ts";
import { knowledgeMethods } from "./families/knowledge.ts";
import { messagesMethods } from "./families/messages.ts";
import { modelsMethods } from "./families/models.ts";
import { responsesMethods } from "./families/responses.ts";
import { tokenMethods } from "./families/token.ts";
import { toolAssistedChatMethods } from "./families/tool-assisted-chat.ts";

/**
 * Which method of `createFriendliInference()` calls each inference operation of the spec.
 * Each family file lists its own, so a new method and its line are one edit. Read by
 * `pnpm spec:check`, so an operation added upstream cannot go unnoticed.
 */
export const operationMethods = {
  ...chatMethods,
  ...chatRenderMethods,
  ...completionsMethods,
  ...responsesMethods,
  ...messagesMethods,
  ...tokenMethods,
  ...audioMethods,
  ...toolAssistedChatMethods,
  ...knowledgeMethods,
  ...modelsMethods,
  ...embeddingsMethods,
  ...imagesMethods,
  ...classificationMethods,
} as const satisfies Partial<Record<OperationId, string>>;
