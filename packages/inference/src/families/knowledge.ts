import { type CallOptions, InvalidInputError, type RequestBody, type SuccessData } from "@friendli-ts/client";
import { serverlessKnowledgeRetrieve } from "@friendli-ts/client/routes";
import type { FamilyDeclaration } from "../build-family.ts";
import { checkNonEmptyArray, checkString, describeValue } from "../check-body.ts";
import type { SpecKey } from "../spec-types.ts";

export type KnowledgeKey = SpecKey<"/serverless/v1/knowledge/retrieve">;
export type KnowledgeRetrieveBody = RequestBody<KnowledgeKey>;
export type KnowledgeRetrieveResult = SuccessData<KnowledgeKey, "post">;

export interface KnowledgeApi {
  /** The `k` entries of a knowledge base closest to a query. */
  retrieve(body: KnowledgeRetrieveBody, options?: CallOptions): Promise<KnowledgeRetrieveResult>;
}

/** Knowledge retrieval, serverless only; its body names knowledge bases, not a model. */
export const knowledgeFamily = {
  name: "knowledge",
  methods: {
    retrieve: { routes: { serverless: serverlessKnowledgeRetrieve }, noModel: true, check: checkRetrieve },
  },
} as const satisfies FamilyDeclaration;

function checkRetrieve(what: string, body: Record<string, unknown>): void {
  checkString(what, body, "query");
  checkNonEmptyArray(what, body, "knowledgeIds");
  if (!Number.isInteger(body.k) || (body.k as number) < 1) {
    throw new InvalidInputError(`${what}: \`k\` must be a whole number of 1 or more, got ${describeValue(body.k)}`);
  }
}
