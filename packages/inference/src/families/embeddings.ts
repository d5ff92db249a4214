import type { CallOptions, RequestBody, SuccessData } from "@friendli-ts/client";
import { type CallCore, requestData } from "@friendli-ts/client/internal";
import { dedicatedEmbeddings } from "@friendli-ts/client/routes";
import { checkModel, checkObject, checkOneOf } from "../check-body.ts";
import type { SpecKey } from "../spec-types.ts";

export type EmbeddingsKey = SpecKey<"/dedicated/v1/embeddings">;
export type EmbeddingsBody = RequestBody<EmbeddingsKey>;
export type EmbeddingsResult = SuccessData<EmbeddingsKey, "post">;

export interface EmbeddingsApi {
  /** Embedding vectors of a text, several texts, or token sequences. */
  create(body: EmbeddingsBody, options?: CallOptions): Promise<EmbeddingsResult>;
}

/** Embeddings exist only for dedicated endpoints in the spec. */
export function embeddingsApi(core: CallCore): EmbeddingsApi {
  return {
    async create(body, options) {
      const what = "dedicated.embeddings.create";
      const record = checkObject(what, body);
      checkModel(what, record, true);
      checkOneOf(what, record, "input", "tokens");
      return requestData(core, what, { route: dedicatedEmbeddings, body }, options);
    },
  };
}

/** The spec operations this file calls, by method name (collected in operation-methods.ts). */
export const embeddingsMethods = {
  dedicatedEmbeddings: "dedicated.embeddings.create",
} as const;
