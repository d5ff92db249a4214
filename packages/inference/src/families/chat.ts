import {
  type CallOptions,
  InvalidInputError,
  type RequestBody,
  type StreamBody,
  type SuccessData,
} from "@friendli-ts/client";
import { type CallCore, requestData } from "@friendli-ts/client/internal";
import {
  containerChatComplete,
  containerChatStream,
  dedicatedChatComplete,
  dedicatedChatRender,
  dedicatedChatStream,
  serverlessChatComplete,
  serverlessChatRender,
  serverlessChatStream,
} from "@friendli-ts/client/routes";
import type { DeclaredOnly, FamilyDeclaration, StreamOpening } from "../build-family.ts";
import { checkModel, checkNonEmptyArray, checkObject } from "../check-body.ts";
import type { DeploymentKind, KindAt } from "../deployment-kinds.ts";
import { eagerHelpers } from "../helpers/eager-helpers.ts";
import type { JsonSchema, StandardSchemaLike } from "../helpers/output-schema.ts";
import type { Parsed } from "../helpers/parse-chat-completion.ts";
import type { ChatLoopBody, RunToolsOptions, RunToolsResult } from "../helpers/run-tools.ts";
import { openInferenceStream } from "../open-inference-stream.ts";
import type { NoStreamFlag, Prefix, SpecKey, StreamKey } from "../spec-types.ts";
import type { ChatChunk, CollectedChatCompletion } from "../streams/collect-chat-completion.ts";
import type { InferenceStream } from "../streams/inference-stream.ts";
import { chatKind } from "../streams/stream-kinds.ts";

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

/** Each message names its role: shared by plain and tool-assisted chat. */
export function checkMessages(what: string, body: Record<string, unknown>): void {
  checkNonEmptyArray(what, body, "messages");
  (body.messages as unknown[]).forEach((message, i) => {
    const role = (message as { role?: unknown } | null)?.role;
    if (typeof role !== "string" || role === "") {
      throw new InvalidInputError(`${what}: messages[${i}] needs a \`role\` ("system", "user", "assistant" or "tool")`);
    }
  });
}

/** The checks of a chat body, for the helpers that send it themselves (`parse`, `runTools`). */
function checkChatBody(what: string, body: unknown, kind: DeploymentKind): asserts body is ChatLoopBody {
  const record = checkObject(what, body);
  checkModel(what, record, kind !== "container");
  checkMessages(what, record);
}

// Named by its type: the declaration's type is public (ChatFamilyApi reads it).
const chatStream: StreamOpening = { open: openInferenceStream, kind: chatKind };

/**
 * Chat: the two calls of every kind, `render` where the spec has a render route (its type
 * follows from its routes), and the helpers built on the calls, which send already-checked bodies.
 */
export const chatFamily = {
  name: "chat",
  methods: {
    complete: {
      routes: {
        serverless: serverlessChatComplete,
        dedicated: dedicatedChatComplete,
        container: containerChatComplete,
      },
      check: (what, body) => checkMessages(what, body),
    },
    stream: {
      routes: { serverless: serverlessChatStream, dedicated: dedicatedChatStream, container: containerChatStream },
      check: (what, body) => checkMessages(what, body),
      stream: chatStream,
    },
    /** The prompt text the model's chat template makes of these messages, without generating. */
    render: {
      routes: { serverless: serverlessChatRender, dedicated: dedicatedChatRender },
      check: (what, body) => checkNonEmptyArray(what, body, "messages"),
    },
  },
  wrap: (calls, core, kind) => ({ ...calls, ...chatHelpers(core, kind) }),
} as const satisfies FamilyDeclaration;

/** `parse` and `runTools` of one kind: they send already-checked bodies straight to the routes. */
function chatHelpers(core: CallCore, kind: DeploymentKind): Pick<ChatApi<Prefix>, "parse" | "runTools"> {
  const { complete, stream } = chatFamily.methods;
  // Every kind has both calls; the declaration above says so.
  const completeRoute = complete.routes[kind];
  const streamRoute = stream.routes[kind];
  const send = (body: unknown, options: CallOptions | undefined) =>
    requestData(core, `${kind}.chat.complete`, { route: completeRoute, body }, options);
  const open = (body: unknown, options: CallOptions | undefined) =>
    openInferenceStream(core, streamRoute, body, options, chatKind);
  return {
    // parse and runTools load their code on first use: most apps call neither. What those
    // modules import must stay out of what an app loads at start (see eager-helpers.ts).
    async parse(body, schema, options) {
      checkChatBody(`${kind}.chat.parse`, body, kind);
      const [{ sendCheckedChat }, { parseChatCompletion }] = await Promise.all([
        import("../helpers/send-checked-chat.ts"),
        import("../helpers/parse-chat-completion.ts"),
      ]);
      const complete = (request: ChatParseBody<Prefix>) => sendCheckedChat(core, send, request, options, eagerHelpers);
      return parseChatCompletion(complete, body, schema, eagerHelpers);
    },
    async runTools(body, options) {
      checkChatBody(`${kind}.chat.runTools`, body, kind);
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
}

/** Chat of the kind at `P`: its calls and helpers, and `render` on the kinds chat's declaration routes it for. */
export type ChatFamilyApi<P extends Prefix> = ChatApi<P> & DeclaredOnly<typeof chatFamily, KindAt<P>, ChatApi<P>>;
