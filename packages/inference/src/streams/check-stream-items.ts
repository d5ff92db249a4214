import type { ChatChunk } from "./collect-chat-completion.ts";
import type { CompletionChunk } from "./collect-completion.ts";
import type { MessagesStreamItem } from "./collect-message.ts";
import type { ResponsesStreamItem } from "./collect-response.ts";
import type { ToolAssistedChatEvent } from "./collect-tool-assisted-chat.ts";
import type { TranscriptionEvent } from "./collect-transcription.ts";
import {
  ItemShape,
  isFields,
  isOptionalFields,
  isOptionalIndex,
  isOptionalNumber,
  isOptionalString,
  wrongShape,
} from "./stream-item-shape.ts";

// One check per family, of every field its helpers (text deltas, collectors, snapshots) read.
// Each returns the item as it came, or throws StreamParseError; fields it does not read
// are left to the caller.

const DELTA_TEXT_FIELDS = ["role", "content", "reasoning_content", "reasoning"] as const;

/**
 * Every chunk of a chat stream passes here, so this one is written out by hand: a good
 * chunk costs a few type tests and no allocation; paths are built only for the error.
 */
export function checkChatChunk(chunk: unknown, family = "chat"): ChatChunk {
  if (!isFields(chunk)) wrongShape(family, chunk, "data", "an object");
  const item = chunk as Record<string, unknown>;
  if (!isOptionalString(item.id)) wrongShape(family, item, "id", "text");
  if (!isOptionalNumber(item.created)) wrongShape(family, item, "created", "a number");
  if (!isOptionalString(item.model)) wrongShape(family, item, "model", "text");
  if (!isOptionalFields(item.usage)) wrongShape(family, item, "usage", "an object");
  const choices = item.choices;
  if (choices === undefined || choices === null) return chunk as ChatChunk;
  if (!Array.isArray(choices)) wrongShape(family, item, "choices", "a list");
  for (let i = 0; i < choices.length; i++) {
    const choice = choices[i];
    if (!isFields(choice)) wrongShape(family, item, `choices[${i}]`, "an object");
    if (!isOptionalIndex(choice.index)) wrongShape(family, item, `choices[${i}].index`, "an index");
    if (!isOptionalString(choice.finish_reason)) wrongShape(family, item, `choices[${i}].finish_reason`, "text");
    const logprobs = choice.logprobs;
    if (!isOptionalFields(logprobs)) wrongShape(family, item, `choices[${i}].logprobs`, "an object");
    const content = (logprobs as Record<string, unknown> | null | undefined)?.content;
    if (content !== undefined && content !== null && !Array.isArray(content)) {
      wrongShape(family, item, `choices[${i}].logprobs.content`, "a list");
    }
    const delta = choice.delta;
    if (delta === undefined || delta === null) continue;
    if (!isFields(delta)) wrongShape(family, item, `choices[${i}].delta`, "an object");
    for (const field of DELTA_TEXT_FIELDS) {
      if (!isOptionalString(delta[field])) wrongShape(family, item, `choices[${i}].delta.${field}`, "text");
    }
    const calls = delta.tool_calls;
    if (calls === undefined || calls === null) continue;
    if (!Array.isArray(calls)) wrongShape(family, item, `choices[${i}].delta.tool_calls`, "a list");
    for (let j = 0; j < calls.length; j++) checkToolCallDelta(calls[j], family, item, i, j);
  }
  return chunk as ChatChunk;
}

function checkToolCallDelta(call: unknown, family: string, item: unknown, i: number, j: number): void {
  const at = () => `choices[${i}].delta.tool_calls[${j}]`;
  if (!isFields(call)) wrongShape(family, item, at(), "an object");
  if (!isOptionalIndex(call.index)) wrongShape(family, item, `${at()}.index`, "an index");
  if (!isOptionalString(call.id)) wrongShape(family, item, `${at()}.id`, "text");
  const fn = call.function;
  if (fn === undefined || fn === null) return;
  if (!isFields(fn)) wrongShape(family, item, `${at()}.function`, "an object");
  if (!isOptionalString(fn.name)) wrongShape(family, item, `${at()}.function.name`, "text");
  if (!isOptionalString(fn.arguments)) wrongShape(family, item, `${at()}.function.arguments`, "text");
}

export function checkCompletionChunk(chunk: unknown): CompletionChunk {
  const family = "completions";
  const shape = new ItemShape(family, chunk);
  const { item } = shape;
  shape.string(item.id, "id");
  shape.string(item.model, "model");
  shape.object(item.usage, "usage");
  const choices = item.choices;
  if (choices === undefined || choices === null) return chunk as CompletionChunk;
  if (!Array.isArray(choices)) wrongShape(family, item, "choices", "a list");
  for (let i = 0; i < choices.length; i++) {
    const choice = choices[i];
    if (!isFields(choice)) wrongShape(family, item, `choices[${i}]`, "an object");
    if (!isOptionalIndex(choice.index)) wrongShape(family, item, `choices[${i}].index`, "an index");
    if (!isOptionalString(choice.text)) wrongShape(family, item, `choices[${i}].text`, "text");
    if (!isOptionalString(choice.finish_reason)) wrongShape(family, item, `choices[${i}].finish_reason`, "text");
  }
  return chunk as CompletionChunk;
}

const RESPONSE_DELTAS = new Set(["response.output_text.delta", "response.reasoning_text.delta"]);
const RESPONSE_FINALS = new Set(["response.completed", "response.failed", "response.incomplete"]);

export function checkResponsesEvent(event: unknown): ResponsesStreamItem {
  const shape = new ItemShape("responses", event);
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
  const shape = new ItemShape("messages", event);
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
  const shape = new ItemShape("transcription", event);
  const { item } = shape;
  shape.string(item.type, "type");
  shape.string(item.delta, "delta");
  shape.string(item.text, "text");
  shape.object(item.usage, "usage");
  return event as TranscriptionEvent;
}

export function checkToolAssistedEvent(event: unknown): ToolAssistedChatEvent {
  const shape = new ItemShape("tool-assisted chat", event);
  const { item } = shape;
  if (shape.string(item.event, "event") === "tool_status") shape.record(item.data, "data");
  else checkChatChunk(item.data, "tool-assisted chat");
  return event as ToolAssistedChatEvent;
}
