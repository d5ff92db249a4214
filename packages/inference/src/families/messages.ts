import type { CallOptions, RequestBody, StreamBody, SuccessData } from "@friendli-ts/client";
import {
  containerMessages,
  containerMessagesStream,
  dedicatedMessages,
  dedicatedMessagesStream,
  serverlessMessages,
  serverlessMessagesStream,
} from "@friendli-ts/client/routes";
import type { FamilyDeclaration } from "../build-family.ts";
import { checkNonEmptyArray } from "../check-body.ts";
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

/** The Messages API on every kind. */
export const messagesFamily = {
  name: "messages",
  methods: {
    create: {
      routes: { serverless: serverlessMessages, dedicated: dedicatedMessages, container: containerMessages },
      check: checkMessageList,
    },
    stream: {
      routes: {
        serverless: serverlessMessagesStream,
        dedicated: dedicatedMessagesStream,
        container: containerMessagesStream,
      },
      check: checkMessageList,
      stream: { open: openInferenceStream, kind: messagesKind },
    },
  },
} as const satisfies FamilyDeclaration;

function checkMessageList(what: string, body: Record<string, unknown>): void {
  checkNonEmptyArray(what, body, "messages");
}
