import type { FriendliClient } from "@friendli-ts/client";
import { postOperation, streamOperation } from "../call-operation.ts";
import { checkModel, checkObject, checkOneOf, label } from "../check-body.ts";
import type { RequestOptions } from "../request-options.ts";
import type { JsonBody, JsonResult, NoStreamFlag, Prefix, StreamData, StreamRequest } from "../spec-types.ts";
import type { CollectedCompletion, CompletionChunk } from "../streams/collect-completion.ts";
import type { InferenceStream } from "../streams/inference-stream.ts";
import { completionKind } from "../streams/stream-kinds.ts";

type CompletionsKey<P extends Prefix> = `${P}/v1/completions`;

/** A text prompt or a token sequence, as the spec's two body variants allow. */
export type CompletionsBody<P extends Prefix> = NoStreamFlag<JsonBody<CompletionsKey<P>>>;
export type Completion<P extends Prefix> = JsonResult<CompletionsKey<P>>;
export type CompletionsStreamBody<P extends Prefix> = StreamRequest<`${CompletionsKey<P>}#stream`>;
export type CompletionChunkOf<P extends Prefix> = StreamData<`${CompletionsKey<P>}#stream`>;
export type CompletionStream<P extends Prefix> = InferenceStream<CompletionChunkOf<P>, CollectedCompletion>;

export interface CompletionsApi<P extends Prefix> {
  complete(body: CompletionsBody<P>, options?: RequestOptions): Promise<Completion<P>>;
  stream(body: CompletionsStreamBody<P>, options?: RequestOptions): Promise<CompletionStream<P>>;
}

function check(prefix: Prefix, method: string, body: unknown): void {
  const what = label(prefix, `completions.${method}`);
  const record = checkObject(what, body);
  checkModel(what, record, prefix !== "");
  checkOneOf(what, record, "prompt", "tokens");
}

/** Text completions (from a prompt or from tokens) of one deployment kind. */
export function completionsApi<P extends Prefix>(client: FriendliClient, prefix: P): CompletionsApi<P> {
  const path = `${prefix}/v1/completions`;
  return {
    async complete(body, options) {
      check(prefix, "complete", body);
      return postOperation(client, path, body, options);
    },
    async stream(body, options) {
      check(prefix, "stream", body);
      const stream = await streamOperation<CompletionChunk, CollectedCompletion>(
        client,
        `${path}#stream`,
        body,
        options,
        completionKind,
      );
      return stream as unknown as CompletionStream<P>;
    },
  };
}
