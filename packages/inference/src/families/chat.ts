import { type FriendliClient, InvalidInputError } from "@friendli-ts/client";
import { postOperation, streamOperation } from "../call-operation.ts";
import { checkModel, checkNonEmptyArray, checkObject, label } from "../check-body.ts";
import type { JsonSchema, StandardSchemaLike } from "../helpers/output-schema.ts";
import { type Parsed, parseChatCompletion } from "../helpers/parse-chat-completion.ts";
import { type RunToolsOptions, type RunToolsResult, runTools } from "../helpers/run-tools.ts";
import type { RequestOptions } from "../request-options.ts";
import type { JsonBody, JsonResult, NoStreamFlag, Prefix, StreamData, StreamRequest } from "../spec-types.ts";
import type { ChatChunk, CollectedChatCompletion } from "../streams/collect-chat-completion.ts";
import type { InferenceStream } from "../streams/inference-stream.ts";
import { chatKind } from "../streams/stream-kinds.ts";

type ChatKey<P extends Prefix> = `${P}/v1/chat/completions`;

export type ChatCompleteBody<P extends Prefix> = NoStreamFlag<JsonBody<ChatKey<P>>>;
export type ChatCompletion<P extends Prefix> = JsonResult<ChatKey<P>>;
export type ChatStreamBody<P extends Prefix> = StreamRequest<`${ChatKey<P>}#stream`>;
export type ChatCompletionChunk<P extends Prefix> = StreamData<`${ChatKey<P>}#stream`>;
export type ChatCompletionStream<P extends Prefix> = InferenceStream<ChatCompletionChunk<P>, CollectedChatCompletion>;

export interface ChatApi<P extends Prefix> {
  /** One chat completion, the whole answer at once. */
  complete(body: ChatCompleteBody<P>, options?: RequestOptions): Promise<ChatCompletion<P>>;
  /** A chat completion as a stream of chunks; `finalResult()` merges them. */
  stream(body: ChatStreamBody<P>, options?: RequestOptions): Promise<ChatCompletionStream<P>>;
  /**
   * Asks for JSON matching `schema` (a zod schema, or a JSON Schema) and returns the result
   * with `parsed`, validated. Throws StructuredOutputError when the output does not match.
   */
  parse<Output>(
    body: ChatParseBody<P>,
    schema: StandardSchemaLike<Output> | JsonSchema,
    options?: RequestOptions,
  ): Promise<Parsed<ChatCompletion<P>, Output>>;
  /**
   * Runs a tool-calling conversation to its end: calls the model, runs the function tools it
   * asks for (in parallel), sends their results back, and repeats until it answers.
   */
  runTools(body: ChatCompleteBody<P>, options: RunToolsOptions): Promise<RunToolsResult>;
}

/** A chat body for `parse`: the schema sets `response_format`. */
export type ChatParseBody<P extends Prefix> = ChatCompleteBody<P> & { response_format?: never };

/** Checks a chat body before it is sent; shared by plain and tool-assisted chat. */
export function checkChatBody(what: string, body: unknown, modelRequired: boolean): void {
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

/** Chat completions of one deployment kind. */
export function chatApi<P extends Prefix>(client: FriendliClient, prefix: P): ChatApi<P> {
  const path = `${prefix}/v1/chat/completions`;
  const modelRequired = prefix !== "";
  const api: ChatApi<P> = {
    async complete(body, options) {
      checkChatBody(label(prefix, "chat.complete"), body, modelRequired);
      return postOperation(client, path, body, options);
    },
    async stream(body, options) {
      checkChatBody(label(prefix, "chat.stream"), body, modelRequired);
      const stream = await streamOperation<ChatChunk, CollectedChatCompletion>(
        client,
        `${path}#stream`,
        body,
        options,
        chatKind,
      );
      return stream as unknown as ChatCompletionStream<P>;
    },
    async parse(body, schema, options) {
      checkChatBody(label(prefix, "chat.parse"), body, modelRequired);
      const complete = (b: object) => postOperation<ChatCompletion<P>>(client, path, b, options);
      return parseChatCompletion(complete, body as object, schema);
    },
    async runTools(body, options) {
      checkChatBody(label(prefix, "chat.runTools"), body, modelRequired);
      return runTools(api, body as unknown as Parameters<typeof runTools>[1], options);
    },
  };
  return api;
}
