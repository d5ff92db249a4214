import type { StreamData } from "@friendli-ts/client";
import type { Prefix, Schemas, StreamKey } from "../spec-types.ts";
import type { CollectorHelpers } from "./collector-helpers.ts";

/** One chunk of a chat stream, of any deployment kind. */
export type ChatChunk = StreamData<StreamKey<`${Prefix}/v1/chat/completions#stream`>>;
export type ChatResult = Schemas["ChatResult"];
export type ChatChoice = ChatResult["choices"][number];
type ChatToolCallDelta = NonNullable<ChatChunk["choices"][number]["delta"]["tool_calls"]>[number];

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

type LogprobToken = NonNullable<NonNullable<ChatChoice["logprobs"]>["content"]>[number];

interface ToolCallState {
  /** A call's `index`; a call that came with an id and no index follows every indexed one. */
  index: number;
  /** Order of arrival, among calls without an index. */
  order: number;
  call: { id: string; type: "function"; function: { name: string; arguments: string } };
}

interface ChoiceState {
  index: number;
  role: string;
  content: string;
  hasContent: boolean;
  reasoning: string;
  hasReasoning: boolean;
  /** Each call by its index (a number) or, for a delta with an id and no index, by that id. */
  toolCalls: Map<number | string, ToolCallState>;
  /** The key of each call that has an id, so a later delta naming the id finds it at once. */
  toolCallKeys: Map<string, number | string>;
  lastToolCall: number | string | undefined;
  /** Tokens pushed as they come (one array, not one per chunk). */
  logprobs: LogprobToken[] | undefined;
  finish: CollectedChatChoice["finish_reason"];
}

/**
 * Where a tool-call delta belongs: its index; else the call its id names, or a new one for a
 * new id; else the call the last delta added to. Every lookup is a map's, so assembly is
 * linear in the deltas whatever they carry.
 */
function toolCallKey(state: ChoiceState, index: number | null | undefined, id: string | null | undefined) {
  if (index !== undefined && index !== null) return index;
  if (id) return state.toolCallKeys.get(id) ?? `id:${id}`;
  return state.lastToolCall ?? 0;
}

function addToolCall(state: ChoiceState, delta: NonNullable<ChatToolCallDelta>): void {
  const key = toolCallKey(state, delta.index, delta.id);
  const known = state.toolCalls.get(key);
  const name = delta.function?.name;
  const args = delta.function?.arguments ?? "";
  if (!known) {
    state.toolCalls.set(key, {
      index: typeof key === "number" ? key : Number.POSITIVE_INFINITY,
      order: state.toolCalls.size,
      call: { id: delta.id ?? "", type: "function", function: { name: name ?? "", arguments: args } },
    });
  } else {
    // The first delta of a call names it; later ones carry more of its arguments.
    if (delta.id) known.call.id = delta.id;
    if (name) known.call.function.name += name;
    known.call.function.arguments += args;
  }
  if (delta.id && !state.toolCallKeys.has(delta.id)) state.toolCallKeys.set(delta.id, key);
  state.lastToolCall = key;
}

const byIndexThenArrival = (a: ToolCallState, b: ToolCallState) => a.index - b.index || a.order - b.order;

/** Merges chat chunks into a complete response: text, reasoning, tool calls by index, finish reason, usage. */
export async function collectChatCompletion(
  chunks: AsyncIterable<ChatChunk>,
  helpers: CollectorHelpers,
): Promise<CollectedChatCompletion> {
  const collector = createChatCollector(helpers);
  for await (const chunk of chunks) collector.add(chunk);
  return collector.result();
}

/** The step-by-step form of `collectChatCompletion`, for callers that read the chunks themselves. */
export function createChatCollector({ checkChatChunk, reasoningOfDelta }: CollectorHelpers) {
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
          toolCallKeys: new Map(),
          lastToolCall: undefined,
          logprobs: undefined,
          finish: null,
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
      const calls = delta.tool_calls;
      if (calls) for (let i = 0; i < calls.length; i++) addToolCall(state, calls[i] as NonNullable<ChatToolCallDelta>);
      if (choice.finish_reason && choice.finish_reason !== "null") state.finish = choice.finish_reason;
      const tokens = choice.logprobs?.content;
      if (tokens) {
        // One push per token: a spread of a server-sized list into a call could pass the
        // stack's limit, and a new array per chunk made the whole quadratic.
        state.logprobs ??= [];
        for (let i = 0; i < tokens.length; i++) state.logprobs.push(tokens[i] as LogprobToken);
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
            message.tool_calls = Array.from(state.toolCalls.values())
              .sort(byIndexThenArrival)
              .map(({ call }) => ({ ...call, function: { ...call.function } }));
          }
          const choice: CollectedChatChoice = { index: state.index, message, finish_reason: state.finish };
          if (state.logprobs) choice.logprobs = { content: state.logprobs.slice() };
          return choice;
        }),
      usage,
    };
    if (head?.model) collected.model = head.model;
    return collected;
  };

  return { add, result };
}
