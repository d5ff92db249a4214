import {
  checkChatChunk,
  checkCompletionChunk,
  checkMessagesEvent,
  checkResponsesEvent,
  checkToolAssistedEvent,
  checkTranscriptionEvent,
} from "./check-stream-items.ts";
import type { ChatChunk, CollectedChatCompletion } from "./collect-chat-completion.ts";
import { type CollectedCompletion, type CompletionChunk, collectCompletion } from "./collect-completion.ts";
import { type CollectedMessage, collectMessage, type MessagesStreamItem } from "./collect-message.ts";
import { collectResponse, type ResponsesResult, type ResponsesStreamItem } from "./collect-response.ts";
import type { CollectedToolAssistedChat, ToolAssistedChatEvent } from "./collect-tool-assisted-chat.ts";
import { type CollectedTranscription, collectTranscription, type TranscriptionEvent } from "./collect-transcription.ts";
import { collectorHelpers } from "./collector-helpers.ts";
import type { StreamKind } from "./inference-stream.ts";
import { loadCollector } from "./load-collector.ts";
import { reasoningOfDelta } from "./reasoning-of-delta.ts";

// Text helpers follow the first choice, as a chat UI shows it; `finalResult()` keeps every choice.
function firstChoice<C extends { index: number }>(choices: C[] | undefined | null): C | undefined {
  if (!choices) return undefined;
  for (let i = 0; i < choices.length; i++) if ((choices[i] as C).index === 0) return choices[i];
  return choices[0];
}

/** A kind that can read an item's text from its JSON text too (see `readsTextFromJson`). */
export interface TextFromJson {
  /** Loads on the first read: an app that never streams chat bundles none of it at start. */
  loadTextOfJson: () => Promise<(json: string) => string | null | undefined>;
}

export const chatKind: StreamKind<ChatChunk, CollectedChatCompletion> & TextFromJson = {
  textOf: (chunk) => firstChoice(checkChatChunk(chunk).choices)?.delta?.content ?? undefined,
  loadTextOfJson: async () => (await import("./chat-text-of-json.ts")).chatTextOfJson,
  reasoningOf: (chunk) => reasoningOfDelta(firstChoice(checkChatChunk(chunk).choices)?.delta ?? undefined),
  // The collectors load on first use (few apps call finalResult): see loadCollector.
  collect: async (chunks) =>
    (await loadCollector(() => import("./collect-chat-completion.ts"))).collectChatCompletion(chunks, collectorHelpers),
};

export const completionKind: StreamKind<CompletionChunk, CollectedCompletion> = {
  textOf: (chunk) => firstChoice(checkCompletionChunk(chunk).choices)?.text ?? undefined,
  // No reasoning in this family; the item is still checked, as every helper checks it.
  reasoningOf: (chunk) => void checkCompletionChunk(chunk),
  collect: collectCompletion,
};

export const responsesKind: StreamKind<ResponsesStreamItem, ResponsesResult> = {
  textOf: (item) => {
    const event = checkResponsesEvent(item);
    return event.type === "response.output_text.delta" ? event.delta : undefined;
  },
  reasoningOf: (item) => {
    const event = checkResponsesEvent(item);
    return event.type === "response.reasoning_text.delta" ? event.delta : undefined;
  },
  collect: collectResponse,
};

export const messagesKind: StreamKind<MessagesStreamItem, CollectedMessage> = {
  textOf: (item) => {
    const event = checkMessagesEvent(item);
    return event.type === "content_block_delta" && event.delta.type === "text_delta" ? event.delta.text : undefined;
  },
  reasoningOf: (item) => {
    const event = checkMessagesEvent(item);
    return event.type === "content_block_delta" && event.delta.type === "thinking_delta"
      ? event.delta.thinking
      : undefined;
  },
  collect: collectMessage,
};

export const transcriptionKind: StreamKind<TranscriptionEvent, CollectedTranscription> = {
  textOf: (item) => {
    const event = checkTranscriptionEvent(item);
    return event.type === "transcript.text.delta" ? (event.delta ?? undefined) : undefined;
  },
  reasoningOf: (item) => void checkTranscriptionEvent(item),
  collect: collectTranscription,
};

export const toolAssistedChatKind: StreamKind<ToolAssistedChatEvent, CollectedToolAssistedChat> = {
  textOf: (item) => {
    const event = checkToolAssistedEvent(item);
    return event.event === "token" ? chatKind.textOf(event.data) : undefined;
  },
  reasoningOf: (item) => {
    const event = checkToolAssistedEvent(item);
    return event.event === "token" ? chatKind.reasoningOf(event.data) : undefined;
  },
  collect: async (events) =>
    (await loadCollector(() => import("./collect-tool-assisted-chat.ts"))).collectToolAssistedChat(events, {
      ...collectorHelpers,
      checkToolAssistedEvent,
    }),
};

/** Each stream family's item and final result, by the name `rebuildStream` takes. */
export interface StreamFamilies {
  chat: { item: ChatChunk; final: CollectedChatCompletion };
  completions: { item: CompletionChunk; final: CollectedCompletion };
  responses: { item: ResponsesStreamItem; final: ResponsesResult };
  messages: { item: MessagesStreamItem; final: CollectedMessage };
  transcriptions: { item: TranscriptionEvent; final: CollectedTranscription };
  toolAssistedChat: { item: ToolAssistedChatEvent; final: CollectedToolAssistedChat };
}

/** Every family's stream kind by name, for rebuilding a stream on the other side of a route. */
export const streamKinds: {
  [Name in keyof StreamFamilies]: StreamKind<StreamFamilies[Name]["item"], StreamFamilies[Name]["final"]>;
} = {
  chat: chatKind,
  completions: completionKind,
  responses: responsesKind,
  messages: messagesKind,
  transcriptions: transcriptionKind,
  toolAssistedChat: toolAssistedChatKind,
};
