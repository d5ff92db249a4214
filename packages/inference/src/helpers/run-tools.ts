import type { CallOptions, components } from "@friendli-ts/client";
import type { ChatChunk, ChatResult, CollectedChatCompletion } from "../streams/collect-chat-completion.ts";
import type { InferenceStream } from "../streams/inference-stream.ts";
import type { EagerHelpers } from "./eager-helpers.ts";
import type { FunctionTool } from "./function-tool.ts";
import { toJsonSchema, validateWithSchema } from "./schema-checks.ts";

export type Message = components["schemas"]["Message"];
type AssistantMessage = components["schemas"]["AssistantMessage"];

/** What the loop reads of a chat body: the conversation so far and the caller's own tools. */
export interface ChatLoopBody {
  messages: Message[];
  tools?: components["schemas"]["Tool"][] | null;
}

/** The model calls the loop makes, so it works for serverless, dedicated and container. */
export interface ToolLoopChat {
  complete(body: ChatLoopBody, options: CallOptions): Promise<ChatResult>;
  stream(body: ChatLoopBody, options: CallOptions): Promise<InferenceStream<ChatChunk, CollectedChatCompletion>>;
}

/**
 * The loop's settings, then the call options (`signal`, `teamId`, `headers`, `timeout`,
 * `maxRetries`, `onResponse`, ...), which every model call of the loop gets as given.
 */
export interface RunToolsOptions extends CallOptions {
  // biome-ignore lint/suspicious/noExplicitAny: tools of different argument types share one list.
  tools: FunctionTool<any, unknown>[];
  /** Most model calls before giving up with ToolLoopLimitError. Default 10. */
  maxSteps?: number;
  /** Stops the loop: the model call in flight, and the signal given to running tools. */
  signal?: AbortSignal | undefined;
  /** Stream each model call (text arrives through `onTextDelta`). Default false. */
  stream?: boolean;
  onTextDelta?: (text: string) => void;
  /** Called with every message added to the conversation (assistant turns and tool results). */
  onMessage?: (message: Message) => void;
}

export interface RunToolsResult {
  /** The model's last answer, the one without tool calls. */
  completion: ChatResult | CollectedChatCompletion;
  /** The final answer's text. */
  content: string | null;
  /** The whole conversation: the messages given, then every turn the loop added. */
  messages: Message[];
  /** How many model calls it took. */
  steps: number;
}

/**
 * Sends the conversation, runs the function tools the model calls (all calls of a turn in
 * parallel), appends their results and asks again, until the model answers without tools.
 * Bad arguments, unknown tools and tools that throw are reported back to the model as the
 * tool's result, so it can correct itself.
 */
export async function runTools(
  chat: ToolLoopChat,
  body: ChatLoopBody,
  options: RunToolsOptions,
  eager: EagerHelpers,
): Promise<RunToolsResult> {
  const { ToolLoopLimitError, InvalidInputError, redactError, secretOf } = eager;
  const { tools, maxSteps = 10, stream, onTextDelta, onMessage, ...callOptions } = options;
  const { signal } = callOptions;
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  if (byName.size !== tools.length) throw new InvalidInputError("runTools: two tools share a name");
  if (!Number.isInteger(maxSteps) || maxSteps < 1) {
    throw new InvalidInputError(`runTools: maxSteps must be a whole number of 1 or more, got ${maxSteps}`);
  }
  const specTools = [...(body.tools ?? []), ...tools.map((tool) => toSpecTool(tool, InvalidInputError))];
  const messages: Message[] = [...body.messages];
  let completion: ChatResult | CollectedChatCompletion | undefined;

  for (let step = 1; step <= maxSteps; step++) {
    throwIfAborted(signal, eager);
    const request = { ...body, messages, tools: specTools };
    completion = stream
      ? await streamStep(chat, request, callOptions, onTextDelta)
      : await chat.complete(request, callOptions);
    const message = completion.choices[0]?.message;
    const calls = message?.tool_calls ?? [];
    const assistant: AssistantMessage = { role: "assistant", content: message?.content ?? null };
    if (calls.length) assistant.tool_calls = calls;
    messages.push(assistant);
    onMessage?.(assistant);
    if (calls.length === 0) return { completion, content: message?.content ?? null, messages, steps: step };

    throwIfAborted(signal, eager);
    const results = await untilAborted(
      Promise.all(
        calls.map(async (call): Promise<Message> => {
          const content = await runOne(byName.get(call.function.name), call, signal, eager);
          return { role: "tool", tool_call_id: call.id, name: call.function.name, content };
        }),
      ),
      signal,
      eager,
    );
    throwIfAborted(signal, eager);
    for (const result of results) {
      messages.push(result);
      onMessage?.(result);
    }
  }
  // The conversation holds the model's turns: server text, redacted with the call's secret.
  throw redactError(new ToolLoopLimitError(maxSteps, messages), secretOf(completion));
}

/** The spec's `tools` entry for a function tool. */
function toSpecTool(
  tool: Pick<FunctionTool, "name" | "description" | "parameters">,
  Invalid: EagerHelpers["InvalidInputError"],
): components["schemas"]["Tool"] {
  const fn: components["schemas"]["Function"] = {
    name: tool.name,
    parameters: toJsonSchema(tool.parameters, `tool ${tool.name}`, Invalid),
  };
  if (tool.description) fn.description = tool.description;
  return { type: "function", function: fn };
}

async function streamStep(
  chat: ToolLoopChat,
  request: ChatLoopBody,
  options: CallOptions,
  onTextDelta: ((text: string) => void) | undefined,
): Promise<CollectedChatCompletion> {
  const stream = await chat.stream(request, options);
  if (!onTextDelta) return stream.finalResult();
  const [text, whole] = stream.tee();
  const [, completion] = await Promise.all([
    (async () => {
      for await (const delta of text.textDeltas()) onTextDelta(delta);
    })(),
    whole.finalResult(),
  ]);
  return completion;
}

async function runOne(
  // biome-ignore lint/suspicious/noExplicitAny: see RunToolsOptions.tools.
  tool: FunctionTool<any, unknown> | undefined,
  call: { id: string; function: { name: string; arguments: string } },
  signal: AbortSignal | undefined,
  eager: EagerHelpers,
): Promise<string> {
  if (!tool) return JSON.stringify({ error: `there is no tool named "${call.function.name}"` });
  let args: unknown;
  try {
    args = call.function.arguments.trim() ? eager.parseModelJson(call.function.arguments) : {};
  } catch {
    return JSON.stringify({ error: "the arguments are not valid JSON" });
  }
  const checked = await validateWithSchema(tool.parameters, args, eager.InvalidInputError);
  if (!checked.ok) {
    const problems = checked.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    return JSON.stringify({ error: "the arguments do not match the parameters", problems });
  }
  try {
    const result = await tool.run(checked.value, { toolCallId: call.id, signal });
    return typeof result === "string" ? result : JSON.stringify(result ?? null);
  } catch (error) {
    // An abort is the caller's, not the tool's failure to report.
    if (signal?.aborted) throw abortError(signal, eager);
    return JSON.stringify({ error: error instanceof Error ? error.message : String(error) });
  }
}

const abortError = (signal: AbortSignal, eager: EagerHelpers) =>
  new eager.APIUserAbortError("the tool loop was aborted", { cause: signal.reason });

function throwIfAborted(signal: AbortSignal | undefined, eager: EagerHelpers): void {
  if (signal?.aborted) throw abortError(signal, eager);
}

/**
 * The turn's results, or the abort's error as soon as the signal fires: the tools have the
 * signal to stop on, but one that ignores it (or its siblings still running) must not hold
 * the caller. The listener goes when the turn ends, so a signal reused for many loops
 * collects none.
 */
async function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined, eager: EagerHelpers): Promise<T> {
  if (!signal) return work;
  let onAbort = () => {};
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(abortError(signal, eager));
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([work, aborted]);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}
