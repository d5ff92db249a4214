import type { FriendliClient } from "@friendli-ts/client";
import { postOperation, streamOperation } from "../call-operation.ts";
import { checkModel, checkNonEmptyArray, checkObject, label } from "../check-body.ts";
import type { RequestOptions } from "../request-options.ts";
import type { JsonBody, JsonResult, NoStreamFlag, Prefix, StreamData, StreamRequest } from "../spec-types.ts";
import type { MessagesStreamItem as AnyMessagesEvent, CollectedMessage } from "../streams/collect-message.ts";
import type { InferenceStream } from "../streams/inference-stream.ts";
import { messagesKind } from "../streams/stream-kinds.ts";

type MessagesKey<P extends Prefix> = `${P}/v1/messages`;

export type MessagesBody<P extends Prefix> = NoStreamFlag<JsonBody<MessagesKey<P>>>;
export type MessagesResult<P extends Prefix> = JsonResult<MessagesKey<P>>;
export type MessagesStreamBody<P extends Prefix> = StreamRequest<`${MessagesKey<P>}#stream`>;
export type MessagesEvent<P extends Prefix> = StreamData<`${MessagesKey<P>}#stream`>;
export type MessagesStream<P extends Prefix> = InferenceStream<MessagesEvent<P>, CollectedMessage>;

export interface MessagesApi<P extends Prefix> {
  create(body: MessagesBody<P>, options?: RequestOptions): Promise<MessagesResult<P>>;
  /** Typed Messages events; `finalResult()` assembles the whole message. */
  stream(body: MessagesStreamBody<P>, options?: RequestOptions): Promise<MessagesStream<P>>;
}

function check(prefix: Prefix, method: string, body: unknown): void {
  const what = label(prefix, `messages.${method}`);
  const record = checkObject(what, body);
  checkModel(what, record, prefix !== "");
  checkNonEmptyArray(what, record, "messages");
}

/** The Messages API of one deployment kind. */
export function messagesApi<P extends Prefix>(client: FriendliClient, prefix: P): MessagesApi<P> {
  const path = `${prefix}/v1/messages`;
  return {
    async create(body, options) {
      check(prefix, "create", body);
      return postOperation(client, path, body, options);
    },
    async stream(body, options) {
      check(prefix, "stream", body);
      const stream = await streamOperation<AnyMessagesEvent, CollectedMessage>(
        client,
        `${path}#stream`,
        body,
        options,
        messagesKind,
      );
      return stream as unknown as MessagesStream<P>;
    },
  };
}
