import type { CallOptions, RequestBody, StreamBody, SuccessData } from "@friendli-ts/client";
import { type CallCore, type Route, requestData } from "@friendli-ts/client/internal";
import {
  containerMessages,
  containerMessagesStream,
  dedicatedMessages,
  dedicatedMessagesStream,
  serverlessMessages,
  serverlessMessagesStream,
} from "@friendli-ts/client/routes";
import { checkModel, checkNonEmptyArray, checkObject, label } from "../check-body.ts";
import { openInferenceStream } from "../open-inference-stream.ts";
import type { NoStreamFlag, Prefix, SpecKey, StreamKey } from "../spec-types.ts";
import type { CollectedMessage, MessagesStreamItem } from "../streams/collect-message.ts";
import type { InferenceStream } from "../streams/inference-stream.ts";
import { messagesKind } from "../streams/stream-kinds.ts";

export type MessagesKey<P extends Prefix> = SpecKey<`${P}/v1/messages`>;
export type MessagesStreamKey<P extends Prefix> = StreamKey<`${MessagesKey<P>}#stream`>;

export type MessagesBody<P extends Prefix> = NoStreamFlag<RequestBody<MessagesKey<P>>>;
export type MessagesResult<P extends Prefix> = SuccessData<MessagesKey<P>, "post">;
export type MessagesStreamBody<P extends Prefix> = NoStreamFlag<StreamBody<MessagesStreamKey<P>>>;
/** One event of a Messages stream: the spec's event, the same for every deployment kind. */
export type MessagesEvent = MessagesStreamItem;
export type MessagesStream = InferenceStream<MessagesEvent, CollectedMessage>;

export interface MessagesApi<P extends Prefix> {
  create(body: MessagesBody<P>, options?: CallOptions): Promise<MessagesResult<P>>;
  /** Typed Messages events; `finalResult()` assembles the whole message. */
  stream(body: MessagesStreamBody<P>, options?: CallOptions): Promise<MessagesStream>;
}

const routes: { [P in Prefix]: [Route<MessagesKey<P>, "post">, Route<MessagesStreamKey<P>, "post">] } = {
  "/serverless": [serverlessMessages, serverlessMessagesStream],
  "/dedicated": [dedicatedMessages, dedicatedMessagesStream],
  "": [containerMessages, containerMessagesStream],
};

function check(prefix: Prefix, method: string, body: unknown): void {
  const what = label(prefix, `messages.${method}`);
  const record = checkObject(what, body);
  checkModel(what, record, prefix !== "");
  checkNonEmptyArray(what, record, "messages");
}

/** The Messages API of one deployment kind. */
export function messagesApi<P extends Prefix>(core: CallCore, prefix: P): MessagesApi<P> {
  const [createRoute, streamRoute] = routes[prefix];
  return {
    async create(body, options) {
      check(prefix, "create", body);
      return requestData(core, label(prefix, "messages.create"), { route: createRoute, body }, options);
    },
    async stream(body, options) {
      check(prefix, "stream", body);
      return openInferenceStream(core, streamRoute, body, options, messagesKind);
    },
  };
}

/** The spec operations this file calls, by method name (collected in operation-methods.ts). */
export const messagesMethods = {
  serverlessMessages: "serverless.messages.create",
  serverlessMessagesStream: "serverless.messages.stream",
  dedicatedMessages: "dedicated.messages.create",
  dedicatedMessagesStream: "dedicated.messages.stream",
  containerMessages: "container.messages.create",
  containerMessagesStream: "container.messages.stream",
} as const;
