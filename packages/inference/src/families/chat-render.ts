import type { FriendliClient } from "@friendli-ts/client";
import { postOperation } from "../call-operation.ts";
import { checkModel, checkNonEmptyArray, checkObject, label } from "../check-body.ts";
import type { RequestOptions } from "../request-options.ts";
import type { JsonBody, JsonResult } from "../spec-types.ts";

/** Chat render exists for serverless and dedicated, not containers. */
export type RenderPrefix = "/serverless" | "/dedicated";
type RenderKey<P extends RenderPrefix> = `${P}/v1/chat/render`;

export type ChatRenderBody<P extends RenderPrefix> = JsonBody<RenderKey<P>>;
export type ChatRenderResult<P extends RenderPrefix> = JsonResult<RenderKey<P>>;

export interface ChatRenderApi<P extends RenderPrefix> {
  /** The prompt text the model's chat template makes of these messages, without generating. */
  render(body: ChatRenderBody<P>, options?: RequestOptions): Promise<ChatRenderResult<P>>;
}

export function chatRenderApi<P extends RenderPrefix>(client: FriendliClient, prefix: P): ChatRenderApi<P> {
  return {
    async render(body, options) {
      const what = label(prefix, "chat.render");
      const record = checkObject(what, body);
      checkModel(what, record, true);
      checkNonEmptyArray(what, record, "messages");
      return postOperation(client, `${prefix}/v1/chat/render`, body, options);
    },
  };
}
