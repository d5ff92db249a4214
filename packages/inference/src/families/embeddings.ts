import type { FriendliClient } from "@friendli-ts/client";
import { postOperation } from "../call-operation.ts";
import { checkModel, checkObject, checkOneOf } from "../check-body.ts";
import type { RequestOptions } from "../request-options.ts";
import type { JsonBody, JsonResult } from "../spec-types.ts";

type EmbeddingsKey = "/dedicated/v1/embeddings";
export type EmbeddingsBody = JsonBody<EmbeddingsKey>;
export type EmbeddingsResult = JsonResult<EmbeddingsKey>;

export interface EmbeddingsApi {
  /** Embedding vectors of a text, several texts, or token sequences. */
  create(body: EmbeddingsBody, options?: RequestOptions): Promise<EmbeddingsResult>;
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
