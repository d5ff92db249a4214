import { type CallOptions, InvalidInputError, type RequestBody, type SuccessData } from "@friendli-ts/client";
import { type CallCore, requestData } from "@friendli-ts/client/internal";
import { serverlessKnowledgeRetrieve } from "@friendli-ts/client/routes";
import { checkNonEmptyArray, checkObject, checkString, describeValue } from "../check-body.ts";
import type { SpecKey } from "../spec-types.ts";

export type KnowledgeKey = SpecKey<"/serverless/v1/knowledge/retrieve">;
export type KnowledgeRetrieveBody = RequestBody<KnowledgeKey>;
export type KnowledgeRetrieveResult = SuccessData<KnowledgeKey, "post">;

export interface KnowledgeApi {
  /** The `k` entries of a knowledge base closest to a query. */
  retrieve(body: KnowledgeRetrieveBody, options?: CallOptions): Promise<KnowledgeRetrieveResult>;
}

export function knowledgeApi(core: CallCore): KnowledgeApi {
  return {
    async retrieve(body, options) {
      const what = "serverless.knowledge.retrieve";
      const record = checkObject(what, body);
      checkString(what, record, "query");
      checkNonEmptyArray(what, record, "knowledgeIds");
      if (!Number.isInteger(record.k) || (record.k as number) < 1) {
        throw new InvalidInputError(
          `${what}: \`k\` must be a whole number of 1 or more, got ${describeValue(record.k)}`,
        );
      }
      return requestData(core, what, { route: serverlessKnowledgeRetrieve, body }, options);
    },
  };
}

/** The spec operations this file calls, by method name (collected in operation-methods.ts). */
export const knowledgeMethods = {
  serverlessKnowledgeRetrieve: "serverless.knowledge.retrieve",
} as const;
