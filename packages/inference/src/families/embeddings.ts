import type { CallOptions, RequestBody, SuccessData } from "@friendli-ts/client";
import { dedicatedEmbeddings } from "@friendli-ts/client/routes";
import type { FamilyDeclaration } from "../build-family.ts";
import { checkOneOf } from "../check-body.ts";
import type { SpecKey } from "../spec-types.ts";

export type EmbeddingsKey = SpecKey<"/dedicated/v1/embeddings">;
export type EmbeddingsBody = RequestBody<EmbeddingsKey>;
export type EmbeddingsResult = SuccessData<EmbeddingsKey, "post">;

export interface EmbeddingsApi {
  /** Embedding vectors of a text, several texts, or token sequences. */
  create(body: EmbeddingsBody, options?: CallOptions): Promise<EmbeddingsResult>;
}

/** Embeddings, which the spec has for dedicated endpoints only. */
export const embeddingsFamily = {
  name: "embeddings",
  methods: {
    create: {
      routes: { dedicated: dedicatedEmbeddings },
      check: (what, body) => checkOneOf(what, body, "input", "tokens"),
    },
  },
} as const satisfies FamilyDeclaration;
