import type { SharedClientOptions } from "@friendli-ts/client";
import { buildFamily, coreForKind, type FamilyFactory, type KindsWith, type PrefixOf } from "./deployment-kinds.ts";
import { audioApi } from "./families/audio.ts";
import { chatFamily } from "./families/chat.ts";
import { classificationApi } from "./families/classification.ts";
import { completionsApi } from "./families/completions.ts";
import { embeddingsApi } from "./families/embeddings.ts";
import type { FamilyApis, FamilyName } from "./families/family-apis.ts";
import { imagesApi } from "./families/images.ts";
import { knowledgeApi } from "./families/knowledge.ts";
import { messagesApi } from "./families/messages.ts";
import { modelsApi } from "./families/models.ts";
import { responsesApi } from "./families/responses.ts";
import { tokenApi } from "./families/token.ts";
import { toolAssistedChatApi } from "./families/tool-assisted-chat.ts";

// One family of one kind, without the rest of the SDK: an app that only embeds bundles the
// embeddings routes and the client's door, not every family and the route table. Each
// factory takes the options every factory takes (client options, or a client to share).

type FamilyOf<F extends FamilyName, K extends KindsWith<F>> = FamilyApis<PrefixOf<K>>[F];

function familyFor<F extends FamilyName, K extends KindsWith<F>>(
  factory: FamilyFactory,
  kind: K,
  options: SharedClientOptions | undefined,
): FamilyOf<F, K> {
  // FamilyApis describes what each factory returns for a prefix; the type tests hold them together.
  return buildFamily(factory, coreForKind(kind, options), kind) as FamilyOf<F, K>;
}

/** Chat of one kind: `complete`, `stream`, `parse`, `runTools` (and `render` on serverless and dedicated). */
export const createChat = <K extends KindsWith<"chat">>(kind: K, options?: SharedClientOptions) =>
  familyFor<"chat", K>(chatFamily, kind, options);
export const createCompletions = <K extends KindsWith<"completions">>(kind: K, options?: SharedClientOptions) =>
  familyFor<"completions", K>(completionsApi, kind, options);
export const createResponses = <K extends KindsWith<"responses">>(kind: K, options?: SharedClientOptions) =>
  familyFor<"responses", K>(responsesApi, kind, options);
export const createMessages = <K extends KindsWith<"messages">>(kind: K, options?: SharedClientOptions) =>
  familyFor<"messages", K>(messagesApi, kind, options);
/** `tokenize` and `detokenize` of one kind. */
export const createTokenizer = <K extends KindsWith<"token">>(kind: K, options?: SharedClientOptions) =>
  familyFor<"token", K>(tokenApi, kind, options);
export const createAudio = <K extends KindsWith<"audio">>(kind: K, options?: SharedClientOptions) =>
  familyFor<"audio", K>(audioApi, kind, options);
export const createImages = <K extends KindsWith<"images">>(kind: K, options?: SharedClientOptions) =>
  familyFor<"images", K>(imagesApi, kind, options);
export const createClassification = <K extends KindsWith<"classification">>(kind: K, options?: SharedClientOptions) =>
  familyFor<"classification", K>(classificationApi, kind, options);
/** Embeddings, a dedicated-only family. */
export const createEmbeddings = (options?: SharedClientOptions) =>
  familyFor<"embeddings", "dedicated">(embeddingsApi, "dedicated", options);
export const createToolAssistedChat = (options?: SharedClientOptions) =>
  familyFor<"toolAssistedChat", "serverless">(toolAssistedChatApi, "serverless", options);
export const createKnowledge = (options?: SharedClientOptions) =>
  familyFor<"knowledge", "serverless">(knowledgeApi, "serverless", options);
export const createModels = (options?: SharedClientOptions) =>
  familyFor<"models", "serverless">(modelsApi, "serverless", options);
