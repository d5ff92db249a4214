import type { CallOptions, RequestBody, StreamBody, SuccessData } from "@friendli-ts/client";
import { type CallCore, type Route, requestData } from "@friendli-ts/client/internal";
import {
  containerCompletionsComplete,
  containerCompletionsStream,
  dedicatedCompletionsComplete,
  dedicatedCompletionsStream,
  serverlessCompletionsComplete,
  serverlessCompletionsStream,
} from "@friendli-ts/client/routes";
import { checkModel, checkObject, checkOneOf, label } from "../check-body.ts";
import { openInferenceStream } from "../open-inference-stream.ts";
import type { NoStreamFlag, Prefix, SpecKey, StreamKey } from "../spec-types.ts";
import type { CollectedCompletion, CompletionChunk } from "../streams/collect-completion.ts";
import type { InferenceStream } from "../streams/inference-stream.ts";
import { completionKind } from "../streams/stream-kinds.ts";

export type CompletionsKey<P extends Prefix> = SpecKey<`${P}/v1/completions`>;
export type CompletionsStreamKey<P extends Prefix> = StreamKey<`${CompletionsKey<P>}#stream`>;

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

const routes: { [P in Prefix]: [Route<CompletionsKey<P>, "post">, Route<CompletionsStreamKey<P>, "post">] } = {
  "/serverless": [serverlessCompletionsComplete, serverlessCompletionsStream],
  "/dedicated": [dedicatedCompletionsComplete, dedicatedCompletionsStream],
  "": [containerCompletionsComplete, containerCompletionsStream],
};

/** Text completions (from a prompt or from tokens) of one deployment kind. */
export function completionsApi<P extends Prefix>(core: CallCore, prefix: P): CompletionsApi<P> {
  const [completeRoute, streamRoute] = routes[prefix];
  return {
    async complete(body, options) {
      check(prefix, "complete", body);
      return requestData(core, label(prefix, "completions.complete"), { route: completeRoute, body }, options);
    },
    async stream(body, options) {
      check(prefix, "stream", body);
      return openInferenceStream(core, streamRoute, body, options, completionKind);
    },
  };
}

/** The spec operations this file calls, by method name (collected in operation-methods.ts). */
export const completionsMethods = {
  serverlessCompletionsComplete: "serverless.completions.complete",
  serverlessCompletionsStream: "serverless.completions.stream",
  dedicatedCompletionsComplete: "dedicated.completions.complete",
  dedicatedCompletionsStream: "dedicated.completions.stream",
  containerCompletionsComplete: "container.completions.complete",
  containerCompletionsStream: "container.completions.stream",
} as const;
