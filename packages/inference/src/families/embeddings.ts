import type { CallOptions, FriendliClient, RequestBody, SuccessData } from "@friendli-ts/client";
import { postOperation } from "../call-operation.ts";
import { checkModel, checkObject, checkOneOf } from "../check-body.ts";
import type { SpecKey } from "../spec-types.ts";

type EmbeddingsKey = SpecKey<"/dedicated/v1/embeddings">;
export type EmbeddingsBody = RequestBody<EmbeddingsKey>;
export type EmbeddingsResult = SuccessData<EmbeddingsKey, "post">;

export interface EmbeddingsApi {
  /** Embedding vectors of a text, several texts, or token sequences. */
  create(body: EmbeddingsBody, options?: CallOptions): Promise<EmbeddingsResult>;
}

/** Embeddings exist only for dedicated endpoints in the spec. */
export function embeddingsApi(client: FriendliClient): EmbeddingsApi {
  return {
    async create(body, options) {
      const what = "dedicated.embeddings.create";
      const record = checkObject(what, body);
      checkModel(what, record, true);
      checkOneOf(what, record, "input", "tokens");
      return postOperation(client, "/dedicated/v1/embeddings", body, options);
    },
  };
}
