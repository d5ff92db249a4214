import type { SharedClientOptions } from "@friendli-ts/client";
import { buildFamily, type FamilyDeclaration } from "./build-family.ts";
import { coreForKind, type KindsWith, type PrefixOf } from "./deployment-kinds.ts";
import { audioFamily } from "./families/audio.ts";
import { chatFamily } from "./families/chat.ts";
import { classificationFamily } from "./families/classification.ts";
import { completionsFamily } from "./families/completions.ts";
import { embeddingsFamily } from "./families/embeddings.ts";
import type { FamilyApis, FamilyName } from "./families/family-apis.ts";
import { imagesFamily } from "./families/images.ts";
import { knowledgeFamily } from "./families/knowledge.ts";
import { messagesFamily } from "./families/messages.ts";
import { modelsFamily } from "./families/models.ts";
import { responsesFamily } from "./families/responses.ts";
import { tokenFamily } from "./families/token.ts";
import { toolAssistedChatFamily } from "./families/tool-assisted-chat.ts";

// One family of one kind, without the rest of the SDK: an app that only embeds bundles the
// embeddings routes and the client's door, not every family and the route table. Each
// factory takes the options every factory takes (client options, or a client to share).

type FamilyOf<F extends FamilyName, K extends KindsWith<F>> = FamilyApis<PrefixOf<K>>[F];

function familyFor<F extends FamilyName, K extends KindsWith<F>>(
  declaration: FamilyDeclaration,
  kind: K,
  options: SharedClientOptions | undefined,
): FamilyOf<F, K> {
  // FamilyApis describes what each declaration builds for a prefix; the type tests hold them together.
  return buildFamily(declaration, coreForKind(kind, options), kind) as FamilyOf<F, K>;
}

/** Chat of one kind: `complete`, `stream`, `parse`, `runTools` (and `render` on serverless and dedicated). */
export const createChat = <K extends KindsWith<"chat">>(kind: K, options?: SharedClientOptions) =>
  familyFor<"chat", K>(chatFamily, kind, options);
export const createCompletions = <K extends KindsWith<"completions">>(kind: K, options?: SharedClientOptions) =>
  familyFor<"completions", K>(completionsFamily, kind, options);
export const createResponses = <K extends KindsWith<"responses">>(kind: K, options?: SharedClientOptions) =>
  familyFor<"responses", K>(responsesFamily, kind, options);
export const createMessages = <K extends KindsWith<"messages">>(kind: K, options?: SharedClientOptions) =>
  familyFor<"messages", K>(messagesFamily, kind, options);
/** `tokenize` and `detokenize` of one kind. */
export const createTokenizer = <K extends KindsWith<"token">>(kind: K, options?: SharedClientOptions) =>
  familyFor<"token", K>(tokenFamily, kind, options);
export const createAudio = <K extends KindsWith<"audio">>(kind: K, options?: SharedClientOptions) =>
  familyFor<"audio", K>(audioFamily, kind, options);
export const createImages = <K extends KindsWith<"images">>(kind: K, options?: SharedClientOptions) =>
  familyFor<"images", K>(imagesFamily, kind, options);
export const createClassification = <K extends KindsWith<"classification">>(kind: K, options?: SharedClientOptions) =>
  familyFor<"classification", K>(classificationFamily, kind, options);
/** Embeddings, a dedicated-only family. */
export const createEmbeddings = (options?: SharedClientOptions) =>
  familyFor<"embeddings", "dedicated">(embeddingsFamily, "dedicated", options);
export const createToolAssistedChat = (options?: SharedClientOptions) =>
  familyFor<"toolAssistedChat", "serverless">(toolAssistedChatFamily, "serverless", options);
export const createKnowledge = (options?: SharedClientOptions) =>
  familyFor<"knowledge", "serverless">(knowledgeFamily, "serverless", options);
export const createModels = (options?: SharedClientOptions) =>
  familyFor<"models", "serverless">(modelsFamily, "serverless", options);
