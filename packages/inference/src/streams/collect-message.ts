import { type StreamData, StreamInterruptedError, StreamParseError } from "@friendli-ts/client";
import { parseModelJson } from "../helpers/parse-model-json.ts";
import type { Prefix, Schemas, StreamKey } from "../spec-types.ts";
import { checkMessagesEvent } from "./check-stream-items.ts";

/** One event of a Messages stream, of any deployment kind. */
export type MessagesStreamItem = StreamData<StreamKey<`${Prefix}/v1/messages#stream`>>;
export type Block = Schemas["MessagesResponseContentBlock"];
export type Envelope = Schemas["MessagesStreamMessageEnvelope"];

/** A whole Messages answer rebuilt from its events, shaped like the non-streamed result. */
export type CollectedMessage = Omit<Envelope, "content"> & { content: Block[] };

interface BlockState {
  block: Block;
  /** A tool call's input arrives as pieces of JSON text, parsed once the block ends. */
  json: string;
}

/** Assembles text, thinking and tool-use blocks by index, then the stop reason and usage. */
export async function collectMessage(events: AsyncIterable<MessagesStreamItem>): Promise<CollectedMessage> {
  let message: CollectedMessage | undefined;
  const blocks = new Map<number, BlockState>();
  for await (const item of events) {
    const event = checkMessagesEvent(item);
    switch (event.type) {
      case "message_start":
        message = { ...event.message, content: [] };
        break;
      case "content_block_start":
        blocks.set(event.index ?? 0, { block: startBlock(event.content_block), json: "" });
        break;
      case "content_block_delta": {
        const state = blocks.get(event.index ?? 0);
        if (!state) break;
        const { delta } = event;
        if (delta.type === "text_delta" && state.block.type === "text") state.block.text += delta.text;
        else if (delta.type === "thinking_delta" && state.block.type === "thinking")
          state.block.thinking += delta.thinking;
        else if (delta.type === "signature_delta" && state.block.type === "thinking")
          state.block.signature += delta.signature;
        else if (delta.type === "input_json_delta") state.json += delta.partial_json;
        break;
      }
      case "message_delta":
        if (message) {
          if (event.delta.stop_reason !== undefined) message.stop_reason = event.delta.stop_reason;
          if (event.delta.stop_sequence !== undefined) message.stop_sequence = event.delta.stop_sequence;
          if (event.usage?.output_tokens != null)
            message.usage = { ...message.usage, output_tokens: event.usage.output_tokens };
          if (event.usage?.input_tokens != null)
            message.usage = { ...message.usage, input_tokens: event.usage.input_tokens };
        }
        break;
      default:
        break;
    }
  }
  if (!message) throw new StreamInterruptedError("the messages stream ended without its message_start event", null);
  message.content = [...blocks.entries()].sort(([a], [b]) => a - b).map(([, state]) => finishBlock(state));
  return message;
}

function startBlock(start: Schemas["MessagesStreamContentBlockStartPayload"]): Block {
  // Text that deltas add to starts as "", whatever the start event left out.
  if (start.type === "thinking")
    return { type: "thinking", thinking: start.thinking ?? "", signature: start.signature ?? "" };
  if (start.type === "text") return { type: "text", text: start.text ?? "" };
  return { ...start };
}

function finishBlock({ block, json }: BlockState): Block {
  if (block.type !== "tool_use" || !json) return block;
  try {
    return { ...block, input: parseModelJson(json) as Record<string, unknown> };
  } catch (cause) {
    throw new StreamParseError(`the input of tool call ${block.name} is not valid JSON`, json, { cause });
  }
}
