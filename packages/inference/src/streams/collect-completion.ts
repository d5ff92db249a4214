import type { StreamData } from "@friendli-ts/client";
import type { Prefix, Schemas, StreamKey } from "../spec-types.ts";
import { checkCompletionChunk } from "./check-stream-items.ts";

/** One chunk of a text completion stream, of any deployment kind. */
export type CompletionChunk = StreamData<StreamKey<`${Prefix}/v1/completions#stream`>>;
export type CompletionsResult = Schemas["CompletionsResult"];

export interface CollectedCompletionChoice {
  index: number;
  text: string;
  finish_reason: CompletionChunk["choices"][number]["finish_reason"] | null;
}

/** A whole text completion rebuilt from its chunks. */
export interface CollectedCompletion extends Pick<CompletionsResult, "id" | "object" | "model"> {
  choices: CollectedCompletionChoice[];
  /** Sent only when the request asked for it. */
  usage: CompletionsResult["usage"] | null;
}

/** Joins completion chunks per choice index, with the finish reason and usage. */
export async function collectCompletion(chunks: AsyncIterable<CompletionChunk>): Promise<CollectedCompletion> {
  const choices = new Map<number, CollectedCompletionChoice>();
  let id = "";
  let model: string | null | undefined;
  let usage: CollectedCompletion["usage"] = null;
  for await (const chunk of chunks) {
    checkCompletionChunk(chunk);
    id ||= chunk.id ?? "";
    model ??= chunk.model;
    if (chunk.usage) usage = chunk.usage;
    for (const choice of chunk.choices ?? []) {
      const index = choice.index ?? 0;
      const state = choices.get(index) ?? { index, text: "", finish_reason: null };
      state.text += choice.text ?? "";
      if (choice.finish_reason && choice.finish_reason !== "null") state.finish_reason = choice.finish_reason;
      choices.set(index, state);
    }
  }
  const result: CollectedCompletion = {
    id,
    object: "text_completion",
    choices: [...choices.values()].sort((a, b) => a.index - b.index),
    usage,
  };
  if (model) result.model = model;
  return result;
}
