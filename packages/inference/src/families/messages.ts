import type { CallOptions, FriendliClient, RequestBody, StreamBody, SuccessData } from "@friendli-ts/client";
import { postOperation, streamOperation } from "../call-operation.ts";
import { checkModel, checkNonEmptyArray, checkObject, label } from "../check-body.ts";
import type { NoStreamFlag, Prefix, SpecKey, StreamKey } from "../spec-types.ts";
import type { CollectedMessage, MessagesStreamItem } from "../streams/collect-message.ts";
import type { InferenceStream } from "../streams/inference-stream.ts";
import { messagesKind } from "../streams/stream-kinds.ts";

type MessagesKey<P extends Prefix> = SpecKey<`${P}/v1/messages`>;
type MessagesStreamKey<P extends Prefix> = StreamKey<`${MessagesKey<P>}#stream`>;

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

function check(prefix: Prefix, method: string, body: unknown): void {
  const what = label(prefix, `messages.${method}`);
  const record = checkObject(what, body);
  checkModel(what, record, prefix !== "");
  checkNonEmptyArray(what, record, "messages");
}

/** The Messages API of one deployment kind. */
export function messagesApi<P extends Prefix>(client: FriendliClient, prefix: P): MessagesApi<P> {
  const path: MessagesKey<P> = `${prefix}/v1/messages`;
  const streamPath: MessagesStreamKey<P> = `${path}#stream`;
  return {
    async create(body, options) {
      check(prefix, "create", body);
      return postOperation(client, path, body, options);
    },
    async stream(body, options) {
      check(prefix, "stream", body);
      return streamOperation(client, streamPath, body, options, messagesKind);
    },
  };
}
