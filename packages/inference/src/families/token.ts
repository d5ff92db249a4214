import type { CallOptions, RequestBody, SuccessData } from "@friendli-ts/client";
import {
  containerDetokenization,
  containerTokenization,
  dedicatedDetokenization,
  dedicatedTokenization,
  serverlessDetokenization,
  serverlessTokenization,
} from "@friendli-ts/client/routes";
import type { FamilyDeclaration } from "../build-family.ts";
import { checkIntegers, checkString } from "../check-body.ts";
import type { Prefix, SpecKey } from "../spec-types.ts";

export type TokenizeKey<P extends Prefix> = SpecKey<`${P}/v1/tokenize`>;
export type DetokenizeKey<P extends Prefix> = SpecKey<`${P}/v1/detokenize`>;

export type TokenizeBody<P extends Prefix> = RequestBody<TokenizeKey<P>>;
export type TokenizeResult<P extends Prefix> = SuccessData<TokenizeKey<P>, "post">;
export type DetokenizeBody<P extends Prefix> = RequestBody<DetokenizeKey<P>>;
export type DetokenizeResult<P extends Prefix> = SuccessData<DetokenizeKey<P>, "post">;

export interface TokenApi<P extends Prefix> {
  /** Text to the model's token ids. */
  tokenize(body: TokenizeBody<P>, options?: CallOptions): Promise<TokenizeResult<P>>;
  /** Token ids back to text. */
  detokenize(body: DetokenizeBody<P>, options?: CallOptions): Promise<DetokenizeResult<P>>;
}

/** Tokenize and detokenize: every kind has both. */
export const tokenFamily = {
  name: "token",
  methods: {
    tokenize: {
      routes: {
        serverless: serverlessTokenization,
        dedicated: dedicatedTokenization,
        container: containerTokenization,
      },
      check: (what, body) => checkString(what, body, "prompt"),
    },
    detokenize: {
      routes: {
        serverless: serverlessDetokenization,
        dedicated: dedicatedDetokenization,
        container: containerDetokenization,
      },
      check: (what, body) => checkIntegers(what, body, "tokens"),
    },
  },
} as const satisfies FamilyDeclaration;
