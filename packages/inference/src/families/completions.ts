import type { CallOptions, FriendliClient, RequestBody, StreamBody, SuccessData } from "@friendli-ts/client";
import { postOperation, streamOperation } from "../call-operation.ts";
import { checkModel, checkObject, checkOneOf, label } from "../check-body.ts";
import type { NoStreamFlag, Prefix, SpecKey, StreamKey } from "../spec-types.ts";
import type { CollectedCompletion, CompletionChunk } from "../streams/collect-completion.ts";
import type { InferenceStream } from "../streams/inference-stream.ts";
import { completionKind } from "../streams/stream-kinds.ts";

type CompletionsKey<P extends Prefix> = SpecKey<`${P}/v1/completions`>;
type CompletionsStreamKey<P extends Prefix> = StreamKey<`${CompletionsKey<P>}#stream`>;

/** A text prompt or a token sequence, as the spec's two body variants allow. */
export type CompletionsBody<P extends Prefix> = NoStreamFlag<RequestBody<CompletionsKey<P>>>;
export type Completion<P extends Prefix> = SuccessData<CompletionsKey<P>, "post">;
export type CompletionsStreamBody<P extends Prefix> = NoStreamFlag<StreamBody<CompletionsStreamKey<P>>>;
export type CompletionStream = InferenceStream<CompletionChunk, CollectedCompletion>;

export interface CompletionsApi<P extends Prefix> {
  complete(body: CompletionsBody<P>, options?: CallOptions): Promise<Completion<P>>;
  stream(body: CompletionsStreamBody<P>, options?: CallOptions): Promise<CompletionStream>;
}

function check(prefix: Prefix, method: string, body: unknown): void {
  const what = label(prefix, `completions.${method}`);
  const record = checkObject(what, body);
  checkModel(what, record, prefix !== "");
  checkOneOf(what, record, "prompt", "tokens");
}

/** Text completions (from a prompt or from tokens) of one deployment kind. */
export function completionsApi<P extends Prefix>(client: FriendliClient, prefix: P): CompletionsApi<P> {
  const path: CompletionsKey<P> = `${prefix}/v1/completions`;
  const streamPath: CompletionsStreamKey<P> = `${path}#stream`;
  return {
    async complete(body, options) {
      check(prefix, "complete", body);
      return postOperation(client, path, body, options);
    },
    async stream(body, options) {
      check(prefix, "stream", body);
      return streamOperation(client, streamPath, body, options, completionKind);
    },
  };
}
