import type { FriendliClient } from "@friendli-ts/client";
import { postOperation } from "../call-operation.ts";
import { checkIntegers, checkModel, checkObject, checkString, label } from "../check-body.ts";
import type { RequestOptions } from "../request-options.ts";
import type { JsonBody, JsonResult, Prefix } from "../spec-types.ts";

type TokenizeKey<P extends Prefix> = `${P}/v1/tokenize`;
type DetokenizeKey<P extends Prefix> = `${P}/v1/detokenize`;

export type TokenizeBody<P extends Prefix> = JsonBody<TokenizeKey<P>>;
export type TokenizeResult<P extends Prefix> = JsonResult<TokenizeKey<P>>;
export type DetokenizeBody<P extends Prefix> = JsonBody<DetokenizeKey<P>>;
export type DetokenizeResult<P extends Prefix> = JsonResult<DetokenizeKey<P>>;

export interface TokenApi<P extends Prefix> {
  /** Text to the model's token ids. */
  tokenize(body: TokenizeBody<P>, options?: RequestOptions): Promise<TokenizeResult<P>>;
  /** Token ids back to text. */
  detokenize(body: DetokenizeBody<P>, options?: RequestOptions): Promise<DetokenizeResult<P>>;
}

export function tokenApi<P extends Prefix>(client: FriendliClient, prefix: P): TokenApi<P> {
  return {
    async tokenize(body, options) {
      const what = label(prefix, "token.tokenize");
      const record = checkObject(what, body);
      checkModel(what, record, prefix !== "");
      checkString(what, record, "prompt");
      return postOperation(client, `${prefix}/v1/tokenize`, body, options);
    },
    async detokenize(body, options) {
      const what = label(prefix, "token.detokenize");
      const record = checkObject(what, body);
      checkModel(what, record, prefix !== "");
      checkIntegers(what, record, "tokens");
      return postOperation(client, `${prefix}/v1/detokenize`, body, options);
    },
  };
}
