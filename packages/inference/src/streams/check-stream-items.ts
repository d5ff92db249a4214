import type { ChatChunk } from "./collect-chat-completion.ts";
import type { CompletionChunk } from "./collect-completion.ts";
import type { MessagesStreamItem } from "./collect-message.ts";
import type { ResponsesStreamItem } from "./collect-response.ts";
import type { ToolAssistedChatEvent } from "./collect-tool-assisted-chat.ts";
import type { TranscriptionEvent } from "./collect-transcription.ts";
import { itemShape } from "./stream-item-shape.ts";

// One check per family, of every field its helpers (text deltas, collectors, snapshots) read.
// Each returns the item as it came, or throws StreamParseError; fields it does not read
// are left to the caller.

export function checkChatChunk(chunk: unknown, family = "chat"): ChatChunk {
  const shape = itemShape(family, chunk);
  const { item } = shape;
  shape.string(item.id, "id");
  shape.number(item.created, "created");
  shape.string(item.model, "model");
  shape.object(item.usage, "usage");
  shape.list(item.choices, "choices").forEach((value, i) => {
    const at = `choices[${i}]`;
    const choice = shape.record(value, at);
    shape.index(choice.index, `${at}.index`);
    shape.string(choice.finish_reason, `${at}.finish_reason`);
    const logprobs = shape.object(choice.logprobs, `${at}.logprobs`);
    if (logprobs) shape.list(logprobs.content, `${at}.logprobs.content`);
    const delta = shape.object(choice.delta, `${at}.delta`);
    if (!delta) return;
    for (const field of ["role", "content", "reasoning_content", "reasoning"]) {
      shape.string(delta[field], `${at}.delta.${field}`);
    }
    shape.list(delta.tool_calls, `${at}.delta.tool_calls`).forEach((callValue, j) => {
      const callAt = `${at}.delta.tool_calls[${j}]`;
      const call = shape.record(callValue, callAt);
      shape.index(call.index, `${callAt}.index`);
      shape.string(call.id, `${callAt}.id`);
      const fn = shape.object(call.function, `${callAt}.function`);
      if (fn) {
        shape.string(fn.name, `${callAt}.function.name`);
        shape.string(fn.arguments, `${callAt}.function.arguments`);
      }
    });
  });
  return chunk as ChatChunk;
}

export function checkCompletionChunk(chunk: unknown): CompletionChunk {
  const shape = itemShape("completions", chunk);
  const { item } = shape;
  shape.string(item.id, "id");
  shape.string(item.model, "model");
  shape.object(item.usage, "usage");
  shape.list(item.choices, "choices").forEach((value, i) => {
    const choice = shape.record(value, `choices[${i}]`);
    shape.index(choice.index, `choices[${i}].index`);
    shape.string(choice.text, `choices[${i}].text`);
    shape.string(choice.finish_reason, `choices[${i}].finish_reason`);
  });
  return chunk as CompletionChunk;
}

const RESPONSE_DELTAS = new Set(["response.output_text.delta", "response.reasoning_text.delta"]);
const RESPONSE_FINALS = new Set(["response.completed", "response.failed", "response.incomplete"]);

export function checkResponsesEvent(event: unknown): ResponsesStreamItem {
  const shape = itemShape("responses", event);
  const { item } = shape;
  const type = shape.string(item.type, "type");
  if (type && RESPONSE_DELTAS.has(type)) shape.string(item.delta, "delta");
  if (type && RESPONSE_FINALS.has(type)) shape.object(item.response, "response");
  return event as ResponsesStreamItem;
}

// The text field each kind of Messages delta carries.
const MESSAGE_DELTA_TEXT: Record<string, string> = {
  text_delta: "text",
  thinking_delta: "thinking",
  signature_delta: "signature",
  input_json_delta: "partial_json",
};

export function checkMessagesEvent(event: unknown): MessagesStreamItem {
  const shape = itemShape("messages", event);
  const { item } = shape;
  switch (shape.string(item.type, "type")) {
    case "message_start": {
      const message = shape.record(item.message, "message");
      shape.object(message.usage, "message.usage");
      break;
    }
    case "content_block_start": {
      shape.index(item.index, "index");
      const block = shape.record(item.content_block, "content_block");
      shape.string(block.type, "content_block.type");
      for (const field of ["text", "thinking", "signature", "name", "id"]) {
        shape.string(block[field], `content_block.${field}`);
      }
      break;
    }
    case "content_block_delta": {
      shape.index(item.index, "index");
      const delta = shape.record(item.delta, "delta");
      const type = shape.string(delta.type, "delta.type");
      const field =
        type !== undefined && Object.hasOwn(MESSAGE_DELTA_TEXT, type) ? MESSAGE_DELTA_TEXT[type] : undefined;
      if (field) shape.string(delta[field], `delta.${field}`);
      break;
    }
    case "message_delta": {
      const delta = shape.record(item.delta, "delta");
      shape.string(delta.stop_reason, "delta.stop_reason");
      shape.string(delta.stop_sequence, "delta.stop_sequence");
      const usage = shape.object(item.usage, "usage");
      if (usage) {
        shape.number(usage.output_tokens, "usage.output_tokens");
        shape.number(usage.input_tokens, "usage.input_tokens");
      }
      break;
    }
    default:
      break;
  }
  return event as MessagesStreamItem;
}

export function checkTranscriptionEvent(event: unknown): TranscriptionEvent {
  const shape = itemShape("transcription", event);
  const { item } = shape;
  shape.string(item.type, "type");
  shape.string(item.delta, "delta");
  shape.string(item.text, "text");
  shape.object(item.usage, "usage");
  return event as TranscriptionEvent;
}

export function checkToolAssistedEvent(event: unknown): ToolAssistedChatEvent {
  const shape = itemShape("tool-assisted chat", event);
  const { item } = shape;
  if (shape.string(item.event, "event") === "tool_status") shape.record(item.data, "data");
  else checkChatChunk(item.data, "tool-assisted chat");
  return event as ToolAssistedChatEvent;
}
