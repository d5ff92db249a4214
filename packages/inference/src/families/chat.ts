import {
  type CallOptions,
  InvalidInputError,
  type RequestBody,
  type StreamBody,
  type SuccessData,
} from "@friendli-ts/client";
import { type CallCore, type Route, requestData } from "@friendli-ts/client/internal";
import {
  containerChatComplete,
  containerChatStream,
  dedicatedChatComplete,
  dedicatedChatStream,
  serverlessChatComplete,
  serverlessChatStream,
} from "@friendli-ts/client/routes";
import { checkModel, checkNonEmptyArray, checkObject, label } from "../check-body.ts";
import { eagerHelpers } from "../helpers/eager-helpers.ts";
import type { JsonSchema, StandardSchemaLike } from "../helpers/output-schema.ts";
import type { Parsed } from "../helpers/parse-chat-completion.ts";
import type { ChatLoopBody, RunToolsOptions, RunToolsResult } from "../helpers/run-tools.ts";
import { openInferenceStream } from "../open-inference-stream.ts";
import type { NoStreamFlag, Prefix, SpecKey, StreamKey } from "../spec-types.ts";
import type { ChatChunk, CollectedChatCompletion } from "../streams/collect-chat-completion.ts";
import type { InferenceStream } from "../streams/inference-stream.ts";
import { chatKind } from "../streams/stream-kinds.ts";
import { type ChatRenderApi, chatRenderApi, type RenderPrefix } from "./chat-render.ts";

export type ChatKey<P extends Prefix> = SpecKey<`${P}/v1/chat/completions`>;
export type ChatStreamKey<P extends Prefix> = StreamKey<`${ChatKey<P>}#stream`>;

export type ChatCompleteBody<P extends Prefix> = NoStreamFlag<RequestBody<ChatKey<P>>>;
export type ChatCompletion<P extends Prefix> = SuccessData<ChatKey<P>, "post">;
export type ChatStreamBody<P extends Prefix> = NoStreamFlag<StreamBody<ChatStreamKey<P>>>;
/** One chunk of a chat stream: the spec's chunk, the same for every deployment kind. */
export type ChatCompletionChunk = ChatChunk;
export type ChatCompletionStream = InferenceStream<ChatCompletionChunk, CollectedChatCompletion>;

/** The two calls of chat: the whole answer at once, or a stream of chunks. */
export interface ChatCalls<P extends Prefix> {
  /** One chat completion, the whole answer at once. */
  complete(body: ChatCompleteBody<P>, options?: CallOptions): Promise<ChatCompletion<P>>;
  /** A chat completion as a stream of chunks; `finalResult()` merges them. */
  stream(body: ChatStreamBody<P>, options?: CallOptions): Promise<ChatCompletionStream>;
}

export interface ChatApi<P extends Prefix> extends ChatCalls<P> {
  /**
   * Asks for JSON matching `schema` (a zod schema, or a JSON Schema) and returns the result
   * with `parsed`, validated. Throws StructuredOutputError when the output does not match.
   */
  parse<Output>(
    body: ChatParseBody<P>,
    schema: StandardSchemaLike<Output> | JsonSchema,
    options?: CallOptions,
  ): Promise<Parsed<ChatCompletion<P>, Output>>;
  /**
   * Runs a tool-calling conversation to its end: calls the model, runs the function tools it
   * asks for (in parallel), sends their results back, and repeats until it answers. The
   * call options among `options` (signal, teamId, headers, timeout, ...) go to every model call.
   */
  runTools(body: ChatCompleteBody<P>, options: RunToolsOptions): Promise<RunToolsResult>;
}

/** A chat body for `parse`: the schema sets `response_format`. */
export type ChatParseBody<P extends Prefix> = ChatCompleteBody<P> & { response_format?: never };

/** Checks a chat body before it is sent; shared by plain and tool-assisted chat. */
export function checkChatBody(what: string, body: unknown, modelRequired: boolean): asserts body is ChatLoopBody {
  const record = checkObject(what, body);
  checkModel(what, record, modelRequired);
  checkNonEmptyArray(what, record, "messages");
  (record.messages as unknown[]).forEach((message, i) => {
    const role = (message as { role?: unknown } | null)?.role;
    if (typeof role !== "string" || role === "") {
      throw new InvalidInputError(`${what}: messages[${i}] needs a \`role\` ("system", "user", "assistant" or "tool")`);
    }
  });
}

const routes: { [P in Prefix]: [Route<ChatKey<P>, "post">, Route<ChatStreamKey<P>, "post">] } = {
  "/serverless": [serverlessChatComplete, serverlessChatStream],
  "/dedicated": [dedicatedChatComplete, dedicatedChatStream],
  "": [containerChatComplete, containerChatStream],
};

/**
 * Chat of one deployment kind: the two calls, the helpers built on them (which send
 * already-checked bodies), and `render` where the spec has a render route.
 */
export function chatFamily<P extends RenderPrefix>(core: CallCore, prefix: P): ChatApi<P> & ChatRenderApi<P>;
export function chatFamily(core: CallCore, prefix: ""): ChatApi<"">;
export function chatFamily<P extends Prefix>(core: CallCore, prefix: P): ChatApi<P> {
  const [completeRoute, streamRoute] = routes[prefix];
  const modelRequired = prefix !== "";
  const send = (body: unknown, options: CallOptions | undefined) =>
    requestData(core, label(prefix, "chat.complete"), { route: completeRoute, body }, options);
  const open = (body: unknown, options: CallOptions | undefined) =>
    openInferenceStream(core, streamRoute, body, options, chatKind);
  const chat: ChatApi<P> = {
    async complete(body, options) {
      checkChatBody(label(prefix, "chat.complete"), body, modelRequired);
      return send(body, options);
    },
    async stream(body, options) {
      checkChatBody(label(prefix, "chat.stream"), body, modelRequired);
      return open(body, options);
    },
    // parse and runTools load their code on first use: most apps call neither. What those
    // modules import must stay out of what an app loads at start (see eager-helpers.ts).
    async parse(body, schema, options) {
      checkChatBody(label(prefix, "chat.parse"), body, modelRequired);
      const [{ sendCheckedChat }, { parseChatCompletion }] = await Promise.all([
        import("../helpers/send-checked-chat.ts"),
        import("../helpers/parse-chat-completion.ts"),
      ]);
      const complete = (request: ChatParseBody<P>) => sendCheckedChat(core, send, request, options, eagerHelpers);
      return parseChatCompletion(complete, body, schema, eagerHelpers);
    },
    async runTools(body, options) {
      checkChatBody(label(prefix, "chat.runTools"), body, modelRequired);
      const [{ sendCheckedChat }, { runTools }] = await Promise.all([
        import("../helpers/send-checked-chat.ts"),
        import("../helpers/run-tools.ts"),
      ]);
      const calls = {
        complete: (request: ChatLoopBody, call: CallOptions) =>
          sendCheckedChat(core, send, request, call, eagerHelpers),
        stream: (request: ChatLoopBody, call: CallOptions) => open(request, call),
      };
      return runTools(calls, body, options, eagerHelpers);
    },
  };
  return prefix === "" ? chat : { ...chat, ...chatRenderApi(core, prefix as RenderPrefix) };
}

/** The spec operations this file calls, by method name (collected in operation-methods.ts). */
export const chatMethods = {
  serverlessChatComplete: "serverless.chat.complete",
  serverlessChatStream: "serverless.chat.stream",
  dedicatedChatComplete: "dedicated.chat.complete",
  dedicatedChatStream: "dedicated.chat.stream",
  containerChatComplete: "container.chat.complete",
  containerChatStream: "container.chat.stream",
} as const;
