import type { components, StreamData } from "@friendli-ts/client";
import type { Prefix, StreamKey } from "../spec-types.ts";
import { checkChatChunk } from "./check-stream-items.ts";

type Schemas = components["schemas"];
/** One chunk of a chat stream, of any deployment kind. */
export type ChatChunk = StreamData<StreamKey<`${Prefix}/v1/chat/completions#stream`>>;
type ChatResult = Schemas["ChatResult"];
type ChatChoice = ChatResult["choices"][number];

/**
 * The message of a collected choice: the spec's message, plus the reasoning the model
 * streamed apart from its answer (the spec's chunk type does not list that field yet).
 */
export type CollectedChatMessage = Schemas["ChatChoiceMessage"] & { reasoning_content?: string | null };

export interface CollectedChatChoice extends Omit<ChatChoice, "message" | "finish_reason"> {
  message: CollectedChatMessage;
  /** `null` when the stream ended without saying why. */
  finish_reason: ChatChoice["finish_reason"] | null;
}

/** A whole chat completion rebuilt from its chunks, shaped like the non-streamed result. */
export interface CollectedChatCompletion extends Omit<ChatResult, "choices" | "usage" | "object"> {
  object: "chat.completion";
  choices: CollectedChatChoice[];
  /** Sent only when the request asked for it (`stream_options: { include_usage: true }`). */
  usage: ChatResult["usage"] | null;
}

/** Fields some servers add to a delta beyond the spec's chunk type. */
interface ReasoningDelta {
  reasoning_content?: string | null;
  reasoning?: string | null;
}

/** The reasoning text of a delta, under either name servers use. */
export function reasoningOfDelta(delta: object | undefined): string | undefined {
  const d = delta as ReasoningDelta | undefined;
  return d?.reasoning_content ?? d?.reasoning ?? undefined;
}

interface ChoiceState {
  index: number;
  role: string;
  content: string;
  hasContent: boolean;
  reasoning: string;
  hasReasoning: boolean;
  toolCalls: Map<number, { id: string; type: "function"; function: { name: string; arguments: string } }>;
  finish: CollectedChatChoice["finish_reason"];
  logprobs: ChatChoice["logprobs"];
}

/** Merges chat chunks into a complete response: text, reasoning, tool calls by index, finish reason, usage. */
export async function collectChatCompletion(chunks: AsyncIterable<ChatChunk>): Promise<CollectedChatCompletion> {
  const collector = createChatCollector();
  for await (const chunk of chunks) collector.add(chunk);
  return collector.result();
}

/** The step-by-step form of `collectChatCompletion`, for callers that read the chunks themselves. */
export function createChatCollector() {
  const choices = new Map<number, ChoiceState>();
  let head: Pick<ChatChunk, "id" | "created" | "model"> | undefined;
  let usage: ChatResult["usage"] | null = null;

  const add = (chunk: ChatChunk): void => {
    checkChatChunk(chunk);
    head ??= { id: chunk.id, created: chunk.created, model: chunk.model };
    if (chunk.model && !head.model) head.model = chunk.model;
    if (chunk.usage) usage = chunk.usage;
    for (const choice of chunk.choices ?? []) {
      const index = choice.index ?? 0;
      let state = choices.get(index);
      if (!state) {
        state = {
          index,
          role: "assistant",
          content: "",
          hasContent: false,
          reasoning: "",
          hasReasoning: false,
          toolCalls: new Map(),
          finish: null,
          logprobs: null,
        };
        choices.set(index, state);
      }
      const delta = choice.delta ?? {};
      if (delta.role) state.role = delta.role;
      if (typeof delta.content === "string") {
        state.content += delta.content;
        state.hasContent = true;
      }
      const reasoning = reasoningOfDelta(delta);
      if (typeof reasoning === "string") {
        state.reasoning += reasoning;
        state.hasReasoning = true;
      }
      for (const call of delta.tool_calls ?? []) {
        // The first delta of a call names it; later ones carry more of its arguments.
        const callIndex = call.index ?? 0;
        const known = state.toolCalls.get(callIndex);
        if (!known) {
          state.toolCalls.set(callIndex, {
            id: call.id ?? "",
            type: "function",
            function: { name: call.function?.name ?? "", arguments: call.function?.arguments ?? "" },
          });
        } else {
          if (call.id) known.id = call.id;
          if (call.function?.name) known.function.name += call.function.name;
          known.function.arguments += call.function?.arguments ?? "";
        }
      }
      if (choice.finish_reason && choice.finish_reason !== "null") state.finish = choice.finish_reason;
      if (choice.logprobs?.content) {
        state.logprobs = { content: [...(state.logprobs?.content ?? []), ...choice.logprobs.content] };
      }
    }
  };

  const result = (): CollectedChatCompletion => {
    const collected: CollectedChatCompletion = {
      id: head?.id ?? "",
      object: "chat.completion",
      created: head?.created ?? 0,
      choices: [...choices.values()]
        .sort((a, b) => a.index - b.index)
        .map((state) => {
          const message: CollectedChatMessage = { role: state.role, content: state.hasContent ? state.content : null };
          if (state.hasReasoning) message.reasoning_content = state.reasoning;
          if (state.toolCalls.size) {
            // Copies, so a result taken mid-stream does not change as later deltas arrive.
            message.tool_calls = [...state.toolCalls.entries()]
              .sort(([a], [b]) => a - b)
              .map(([, call]) => ({ ...call, function: { ...call.function } }));
          }
          const choice: CollectedChatChoice = { index: state.index, message, finish_reason: state.finish };
          if (state.logprobs) choice.logprobs = state.logprobs;
          return choice;
        }),
      usage,
    };
    if (head?.model) collected.model = head.model;
    return collected;
  };

  return { add, result };
}
