import type { CallOptions, FriendliClient, RequestBody, SuccessData } from "@friendli-ts/client";
import { postOperation } from "../call-operation.ts";
import { checkModel, checkNonEmptyArray, checkObject, label } from "../check-body.ts";
import type { SpecKey } from "../spec-types.ts";

/** Chat render exists for serverless and dedicated, not containers. */
export type RenderPrefix = "/serverless" | "/dedicated";
type RenderKey<P extends RenderPrefix> = SpecKey<`${P}/v1/chat/render`>;

export type ChatRenderBody<P extends RenderPrefix> = RequestBody<RenderKey<P>>;
export type ChatRenderResult<P extends RenderPrefix> = SuccessData<RenderKey<P>, "post">;

export interface ChatRenderApi<P extends RenderPrefix> {
  /** The prompt text the model's chat template makes of these messages, without generating. */
  render(body: ChatRenderBody<P>, options?: CallOptions): Promise<ChatRenderResult<P>>;
}

export function chatRenderApi<P extends RenderPrefix>(client: FriendliClient, prefix: P): ChatRenderApi<P> {
  const path: RenderKey<P> = `${prefix}/v1/chat/render`;
  return {
    async render(body, options) {
      const what = label(prefix, "chat.render");
      const record = checkObject(what, body);
      checkModel(what, record, true);
      checkNonEmptyArray(what, record, "messages");
      return postOperation(client, path, body, options);
    },
  };
}
