import type { CallOptions, RequestBody, SuccessData } from "@friendli-ts/client";
import { type CallCore, type Route, requestData } from "@friendli-ts/client/internal";
import {
  containerDetokenization,
  containerTokenization,
  dedicatedDetokenization,
  dedicatedTokenization,
  serverlessDetokenization,
  serverlessTokenization,
} from "@friendli-ts/client/routes";
import { checkIntegers, checkModel, checkObject, checkString, label } from "../check-body.ts";
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

const routes: { [P in Prefix]: [Route<TokenizeKey<P>, "post">, Route<DetokenizeKey<P>, "post">] } = {
  "/serverless": [serverlessTokenization, serverlessDetokenization],
  "/dedicated": [dedicatedTokenization, dedicatedDetokenization],
  "": [containerTokenization, containerDetokenization],
};

export function tokenApi<P extends Prefix>(core: CallCore, prefix: P): TokenApi<P> {
  const [tokenizeRoute, detokenizeRoute] = routes[prefix];
  return {
    async tokenize(body, options) {
      const what = label(prefix, "token.tokenize");
      const record = checkObject(what, body);
      checkModel(what, record, prefix !== "");
      checkString(what, record, "prompt");
      return requestData(core, what, { route: tokenizeRoute, body }, options);
    },
    async detokenize(body, options) {
      const what = label(prefix, "token.detokenize");
      const record = checkObject(what, body);
      checkModel(what, record, prefix !== "");
      checkIntegers(what, record, "tokens");
      return requestData(core, what, { route: detokenizeRoute, body }, options);
    },
  };
}

/** The spec operations this file calls, by method name (collected in operation-methods.ts). */
export const tokenMethods = {
  serverlessTokenization: "serverless.token.tokenize",
  serverlessDetokenization: "serverless.token.detokenize",
  dedicatedTokenization: "dedicated.token.tokenize",
  dedicatedDetokenization: "dedicated.token.detokenize",
  containerTokenization: "container.token.tokenize",
  containerDetokenization: "container.token.detokenize",
} as const;
