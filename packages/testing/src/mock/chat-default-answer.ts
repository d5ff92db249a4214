import type { ReplyEvent } from "./check-reply.ts";
import { fakeJson, seedOf } from "./fake-json.ts";

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
}

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
    return { includeUsage: false };
  }
  if (!isObject(body)) return { includeUsage: false };
  const seed = Number.isSafeInteger(body.seed) ? (body.seed as number) >>> 0 : seedOf(rawBody);
  const includeUsage = isObject(body.stream_options) && body.stream_options.include_usage === true;
  const tool = requiredTool(body);
  if (tool) {
    const args = tool.parameters === undefined ? {} : fakeJson(tool.parameters, seed);
    return {
      includeUsage,
      toolCall: { id: `call_${seed.toString(16).padStart(8, "0")}`, name: tool.name, arguments: JSON.stringify(args) },
    };
  }
  const format = isObject(body.response_format) ? body.response_format : undefined;
  if (format?.type === "json_schema") {
    const schema = isObject(format.json_schema) ? format.json_schema.schema : undefined;
    return { includeUsage, content: JSON.stringify(fakeJson(schema, seed)) };
  }
  if (format?.type === "json_object") {
    return { includeUsage, content: JSON.stringify(fakeJson({ type: "object" }, seed)) };
  }
  return { includeUsage };
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

const follows = (ask: ChatAsk) => ask.content !== undefined || ask.toolCall !== undefined;

/** The mock server's JSON chat answer with its message replaced, or undefined to keep it. */
export function chatCompletion(example: unknown, ask: ChatAsk): unknown {
  if (!follows(ask) || !isObject(example) || !Array.isArray(example.choices)) return undefined;
  const [first] = example.choices;
  const choice = isObject(first) ? first : { index: 0 };
  const message = ask.toolCall
    ? {
        role: "assistant",
        content: null,
        tool_calls: [
          {
            id: ask.toolCall.id,
            type: "function",
            function: { name: ask.toolCall.name, arguments: ask.toolCall.arguments },
          },
        ],
      }
    : { role: "assistant", content: ask.content };
  return {
    ...example,
    choices: [{ ...choice, message, finish_reason: ask.toolCall ? "tool_calls" : "stop" }],
  };
}

/** Text cut into a few pieces, as a model streams it. */
function pieces(text: string): string[] {
  const size = Math.max(1, Math.ceil(text.length / 3));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length > 0 ? out : [""];
}

const isUsageChunk = (data: unknown) =>
  isObject(data) && Array.isArray(data.choices) && data.choices.length === 0 && isObject(data.usage);

/**
 * The mock server's example stream, made to follow the request: the content or tool call it
 * asks for in place of the example's prose, the usage chunk only when it asks for usage, and
 * `[DONE]` only where the spec ends the stream with it.
 */
export function chatStream(example: ReplyEvent[], ask: ChatAsk, endsWithDone: boolean): ReplyEvent[] {
  const chunks = example.filter((e) => isObject(e.data));
  const template = (chunks[0]?.data ?? {}) as Json;
  const usage = chunks.map((e) => e.data).find(isUsageChunk) as Json | undefined;
  const base = { id: template.id ?? "chatcmpl-mock", object: "chat.completion.chunk", created: template.created ?? 0 };
  const chunk = (delta: Json, finish: string | null = null): ReplyEvent => ({
    data: { ...base, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }], usage: null },
  });

  let events: ReplyEvent[];
  if (ask.toolCall) {
    const call = ask.toolCall;
    const [head = "", ...rest] = pieces(call.arguments);
    events = [
      chunk({
        role: "assistant",
        tool_calls: [{ index: 0, id: call.id, type: "function", function: { name: call.name, arguments: head } }],
      }),
      ...rest.map((part) => chunk({ tool_calls: [{ index: 0, type: "function", function: { arguments: part } }] })),
      chunk({}, "tool_calls"),
    ];
  } else if (ask.content !== undefined) {
    const [head = "", ...rest] = pieces(ask.content);
    events = [
      chunk({ role: "assistant", content: head }),
      ...rest.map((part) => chunk({ content: part })),
      chunk({}, "stop"),
    ];
  } else {
    events = chunks.filter((e) => !isUsageChunk(e.data));
  }
  if (ask.includeUsage) {
    const counts = isObject(usage?.usage) ? usage.usage : { prompt_tokens: 8, completion_tokens: 4, total_tokens: 12 };
    events.push({ data: { ...base, choices: [], usage: counts } });
  }
  if (endsWithDone) events.push({ data: "[DONE]" });
  return events;
}
