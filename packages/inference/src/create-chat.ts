import {
  callCoreFromSharedOptions,
  containerChatComplete,
  containerChatStream,
  dedicatedChatComplete,
  dedicatedChatStream,
  type SharedClientOptions,
  serverlessChatComplete,
  serverlessChatStream,
} from "@friendli-ts/client/internal";
import { type ChatCalls, chatCalls } from "./families/chat.ts";

/** Client options, or a low-level client to share, by the rule every factory follows. */
export interface ChatOptions extends SharedClientOptions {}

/**
 * Serverless chat alone: `complete` and `stream`, with the same options, checks, streams
 * and errors as `createFriendliInference().serverless.chat`. An app that only chats bundles
 * a fraction of the SDK this way.
 */
export function createServerlessChat(options: ChatOptions = {}): ChatCalls<"/serverless"> {
  return chatCalls(callCoreFromSharedOptions(options), "/serverless", [serverlessChatComplete, serverlessChatStream]);
}

/** Chat with a dedicated endpoint alone (`model` is the endpoint id). */
export function createDedicatedChat(options: ChatOptions = {}): ChatCalls<"/dedicated"> {
  return chatCalls(callCoreFromSharedOptions(options), "/dedicated", [dedicatedChatComplete, dedicatedChatStream]);
}

/** Chat with your Friendli Container alone; its token defaults to none, as for `container`. */
export function createContainerChat(options: ChatOptions = {}): ChatCalls<""> {
  const core = callCoreFromSharedOptions(options.client ? options : { token: null, ...options });
  return chatCalls(core, "", [containerChatComplete, containerChatStream]);
}
