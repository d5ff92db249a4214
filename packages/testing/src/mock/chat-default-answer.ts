import type { ReplyEvent } from "./check-reply.ts";
import { fakeJson, seedOf } from "./fake-json.ts";
import { boundedTokens, promptTokenCount, proseTokens, streamPieces } from "./follow-request/model-like-prose.ts";

/** The chat completion operations whose default answers follow what the request asks. */
export const CHAT_OPERATIONS = new Set([
  "serverlessChatComplete",
  "serverlessChatStream",
  "dedicatedChatComplete",
  "dedicatedChatStream",
  "containerChatComplete",
  "containerChatStream",
]);

/** What a chat request asks of the answer, beyond prose. */
export interface ChatAsk {
  /** Content to send instead of the example's prose (structured output). */
  content?: string;
  /** A tool call to send instead of content (a tool choice that requires one). */
  toolCall?: { id: string; name: string; arguments: string };
  /** `stream_options.include_usage`: the stream ends with a usage chunk. */
  includeUsage: boolean;
  /** Picks the default prose: the request's `seed`, else a hash of the request. */
  seed: number;
  /** `n`: how many choices (1 to MAX_CHOICES). */
  n: number;
  /** `max_tokens`: the most tokens of prose in each choice. */
  maxTokens?: number;
  /** A rough count of the prompt's tokens, for `usage`. */
  promptTokens: number;
}

/** The most choices a default answer has, whatever `n` asks: a test needs a few, not thousands. */
const MAX_CHOICES = 16;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Reads what a chat request asks for. The fake values are seeded by the request's `seed`
 * when it sends one, else by the request itself, so one request always gets one answer.
 */
export function readChatAsk(rawBody: string): ChatAsk {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    body = undefined;
  }
  if (!isObject(body)) return { includeUsage: false, seed: seedOf(rawBody), n: 1, promptTokens: 1 };
  const seed = Number.isSafeInteger(body.seed) ? (body.seed as number) >>> 0 : seedOf(rawBody);
  const includeUsage = isObject(body.stream_options) && body.stream_options.include_usage === true;
  const n = Number.isSafeInteger(body.n) && (body.n as number) > 0 ? Math.min(body.n as number, MAX_CHOICES) : 1;
  const maxTokens = Number.isSafeInteger(body.max_tokens) ? Math.max(0, body.max_tokens as number) : undefined;
  const shape = {
    includeUsage,
    seed,
    n,
    promptTokens: promptTokenCount(body.messages),
    ...(maxTokens !== undefined && { maxTokens }),
  };
  const tool = requiredTool(body);
  if (tool) {
    const args = tool.parameters === undefined ? {} : fakeJson(tool.parameters, seed);
    return {
      ...shape,
      toolCall: { id: `call_${seed.toString(16).padStart(8, "0")}`, name: tool.name, arguments: JSON.stringify(args) },
    };
  }
  const format = isObject(body.response_format) ? body.response_format : undefined;
  if (format?.type === "json_schema") {
    const schema = isObject(format.json_schema) ? format.json_schema.schema : undefined;
    return { ...shape, content: JSON.stringify(fakeJson(schema, seed)) };
  }
  if (format?.type === "json_object") {
    return { ...shape, content: JSON.stringify(fakeJson({ type: "object" }, seed)) };
  }
  return shape;
}

/** The tool a request makes the model call: the named one, or the first when any is `required`. */
function requiredTool(body: Json): { name: string; parameters?: unknown } | undefined {
  const tools = Array.isArray(body.tools) ? body.tools.filter(isObject) : [];
  const functions = tools
    .map((t) => (isObject(t.function) ? t.function : {}))
    .filter((f) => typeof f.name === "string");
  const choice = body.tool_choice;
  if (choice === "required") {
    const first = functions[0];
    return first && { name: first.name as string, parameters: first.parameters };
  }
  if (isObject(choice) && isObject(choice.function) && typeof choice.function.name === "string") {
    const name = choice.function.name;
    return { name, parameters: functions.find((f) => f.name === name)?.parameters };
  }
  return undefined;
}

/** What one choice says: a tool call, the content asked for, or prose bounded by `max_tokens`. */
interface ChoiceText {
  toolCall?: { id: string; name: string; arguments: string };
  /** The text in the pieces it is streamed in (the prose's tokens, or a few slices of content). */
  pieces: string[];
  tokens: number;
  finish: "stop" | "length" | "tool_calls";
}

function choiceText(ask: ChatAsk, index: number): ChoiceText {
  if (ask.toolCall) {
    const id = index === 0 ? ask.toolCall.id : `${ask.toolCall.id}_${index}`;
    return {
      toolCall: { ...ask.toolCall, id },
      pieces: slices(ask.toolCall.arguments),
      tokens: 1,
      finish: "tool_calls",
    };
  }
  if (ask.content !== undefined) {
    return { pieces: slices(ask.content), tokens: countWords(ask.content), finish: "stop" };
  }
  // Each choice its own seed, so the choices read differently.
  const seed = index === 0 ? ask.seed : seedOf(`${ask.seed}:${index}`);
  const { tokens, cut } = boundedTokens(proseTokens(seed), ask.maxTokens);
  return { pieces: streamPieces(tokens, seed), tokens: tokens.length, finish: cut ? "length" : "stop" };
}

const countWords = (text: string) => Math.max(1, text.split(/\s+/).filter(Boolean).length);

function usageOf(ask: ChatAsk, choices: ChoiceText[], base: unknown): Json {
  const completion = choices.reduce((sum, c) => sum + c.tokens, 0);
  return {
    ...(isObject(base) ? base : {}),
    prompt_tokens: ask.promptTokens,
    completion_tokens: completion,
    total_tokens: ask.promptTokens + completion,
  };
}

const choicesOf = (ask: ChatAsk) => Array.from({ length: ask.n }, (_, i) => choiceText(ask, i));

/** The mock server's JSON chat answer with its choices replaced by ones that follow the request. */
export function chatCompletion(example: unknown, ask: ChatAsk): unknown {
  if (!isObject(example) || !Array.isArray(example.choices)) return undefined;
  const [first] = example.choices;
  const template = isObject(first) ? first : {};
  const texts = choicesOf(ask);
  const choices = texts.map((text, index) => {
    const message = text.toolCall
      ? {
          role: "assistant",
          content: null,
          tool_calls: [
            {
              id: text.toolCall.id,
              type: "function",
              function: { name: text.toolCall.name, arguments: text.toolCall.arguments },
            },
          ],
        }
      : { role: "assistant", content: text.pieces.join("") };
    return { ...template, index, message, finish_reason: text.finish };
  });
  return { ...example, choices, usage: usageOf(ask, texts, example.usage) };
}

/** Text cut into a few pieces, as a model streams it. */
function slices(text: string): string[] {
  const size = Math.max(1, Math.ceil(text.length / 3));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length > 0 ? out : [""];
}

const isUsageChunk = (data: unknown) =>
  isObject(data) && Array.isArray(data.choices) && data.choices.length === 0 && isObject(data.usage);

/**
 * The mock server's example stream, made to follow the request: for each of the `n` choices,
 * its prose (bounded by `max_tokens`), content or tool call in several pieces, then its
 * finish; the usage chunk only when the request asks for usage; `[DONE]` only where the spec
 * ends the stream with it.
 */
export function chatStream(example: ReplyEvent[], ask: ChatAsk, endsWithDone: boolean): ReplyEvent[] {
  const chunks = example.filter((e) => isObject(e.data));
  const template = (chunks[0]?.data ?? {}) as Json;
  const usage = chunks.map((e) => e.data).find(isUsageChunk) as Json | undefined;
  const base = { id: template.id ?? "chatcmpl-mock", object: "chat.completion.chunk", created: template.created ?? 0 };
  const chunk = (index: number, delta: Json, finish: string | null = null): ReplyEvent => ({
    data: { ...base, choices: [{ index, delta, finish_reason: finish, logprobs: null }], usage: null },
  });

  const texts = choicesOf(ask);
  const events = texts.flatMap((text, index): ReplyEvent[] => {
    const [head = "", ...rest] = text.pieces;
    if (text.toolCall) {
      const call = text.toolCall;
      return [
        chunk(index, {
          role: "assistant",
          tool_calls: [{ index: 0, id: call.id, type: "function", function: { name: call.name, arguments: head } }],
        }),
        ...rest.map((part) =>
          chunk(index, { tool_calls: [{ index: 0, type: "function", function: { arguments: part } }] }),
        ),
        chunk(index, {}, text.finish),
      ];
    }
    return [
      chunk(index, { role: "assistant", content: head }),
      ...rest.map((part) => chunk(index, { content: part })),
      chunk(index, {}, text.finish),
    ];
  });
  if (ask.includeUsage) events.push({ data: { ...base, choices: [], usage: usageOf(ask, texts, usage?.usage) } });
  if (endsWithDone) events.push({ data: "[DONE]" });
  return events;
}
