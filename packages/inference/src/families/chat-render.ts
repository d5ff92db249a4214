import type { CallOptions, RequestBody, SuccessData } from "@friendli-ts/client";
import { type CallCore, type Route, requestData } from "@friendli-ts/client/internal";
import { dedicatedChatRender, serverlessChatRender } from "@friendli-ts/client/routes";
import { checkModel, checkNonEmptyArray, checkObject, label } from "../check-body.ts";
import type { SpecKey } from "../spec-types.ts";

/** Chat render exists for serverless and dedicated, not containers. */
export type RenderPrefix = "/serverless" | "/dedicated";
export type RenderKey<P extends RenderPrefix> = SpecKey<`${P}/v1/chat/render`>;

export type ChatRenderBody<P extends RenderPrefix> = RequestBody<RenderKey<P>>;
export type ChatRenderResult<P extends RenderPrefix> = SuccessData<RenderKey<P>, "post">;

export interface ChatRenderApi<P extends RenderPrefix> {
  /** The prompt text the model's chat template makes of these messages, without generating. */
  render(body: ChatRenderBody<P>, options?: CallOptions): Promise<ChatRenderResult<P>>;
}

const routes: { [P in RenderPrefix]: Route<RenderKey<P>, "post"> } = {
  "/serverless": serverlessChatRender,
  "/dedicated": dedicatedChatRender,
};

export function chatRenderApi<P extends RenderPrefix>(core: CallCore, prefix: P): ChatRenderApi<P> {
  const route = routes[prefix];
  return {
    async render(body, options) {
      const what = label(prefix, "chat.render");
      const record = checkObject(what, body);
      checkModel(what, record, true);
      checkNonEmptyArray(what, record, "messages");
      return requestData(core, what, { route, body }, options);
    },
  };
}

/** The spec operations this file calls, by method name (collected in operation-methods.ts). */
export const chatRenderMethods = {
  serverlessChatRender: "serverless.chat.render",
  dedicatedChatRender: "dedicated.chat.render",
} as const;
